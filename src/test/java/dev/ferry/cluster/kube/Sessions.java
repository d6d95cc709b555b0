package dev.ferry.cluster.kube;

import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;

/** Session specs for tests: valid unless a test changes a field. */
final class Sessions {

    static final long STARTED = 1_800_000_000_000L;

    private Sessions() {
    }

    /** alice's Jupyter session: 1.5 cores, 8 GiB, no GPU, home on nfs-1, checkpoint generation 7. */
    static SessionSpec jupyter(String id) {
        return new SessionSpec(id, "alice", "geo", SessionKind.JUPYTER, "registry.example/notebooks/scipy:2026.11", Resources.ofGiB(1500, 8, 0), "nfs-1.storage.example", "/export/home/alice", 7);
    }

    /** bob's RStudio session with two GPUs and two whole cores. */
    static SessionSpec rstudioWithGpus(String id) {
        return new SessionSpec(id, "bob", "vision", SessionKind.RSTUDIO, "registry.example/rstudio:4.4", Resources.ofGiB(2000, 16, 2),
                "10.0.0.12", "/export/home/bob", 3);
    }
}
