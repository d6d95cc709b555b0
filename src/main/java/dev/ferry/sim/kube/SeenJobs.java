package dev.ferry.sim.kube;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Ferry's Jobs as the fake kubelet last saw them, as a real kubelet's watch cache: what the last sync read from its
 * {@link KubeletJobs}. Pod starts between syncs act on these.
 */
final class SeenJobs {

    private final KubeletJobs source;
    private Map<String, Job> seen = Map.of();

    SeenJobs(KubeletJobs source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Reads the Jobs, by name, and remembers them; throws (and remembers nothing new) when they cannot be read now.
     */
    Map<String, Job> read() {
        Map<String, Job> jobs = new TreeMap<>();
        for (Job j : source.current()) {
            jobs.put(j.getMetadata().getName(), j);
        }
        seen = jobs;
        return jobs;
    }

    /** Job {@code name} as last seen, or null. */
    Job get(String name) {
        return seen.get(name);
    }
}
