package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.SourceState;
import dev.ferry.migrate.TargetCluster;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Hand-built observations for the pure reconciler tests. */
final class Observations {

    private Observations() {
    }

    static SourceSession source(String id, SourceState state) {
        return new SourceSession(id, "u-" + id, "team", "zone-a", Resources.ofGiB(1000, 4, 0), state);
    }

    static TargetJob job(String cluster, String id, MigrationState state, boolean suspended, PodPhase pod,
            long generation, long started) {
        return new TargetJob(cluster, id, "u-" + id, "team", suspended, false,
                new MigrationRecord.Valid(new MigrationRecord(generation, state, started)), "7",
                Optional.ofNullable(pod), Resources.ofGiB(1000, 4, 0));
    }

    static SessionObservation session(String id, SourceState source, OptionalLong lastActivity,
            CheckpointStatus checkpoint, TargetJob... jobs) {
        SourceSession src = source(id, source);
        SessionSpec spec = World.specOf(src);
        return new SessionObservation(id, Optional.of(src), Optional.of(spec), lastActivity, List.of(jobs),
                Optional.ofNullable(checkpoint));
    }

    static CheckpointStatus checkpoint(long generation, long at) {
        return new CheckpointStatus(generation, at, false, OptionalLong.empty());
    }

    static CheckpointStatus restored(long generation, long at, long restored) {
        return new CheckpointStatus(generation, at, false, OptionalLong.of(restored));
    }

    static Observation of(List<TargetCluster> clusters, SessionObservation... sessions) {
        return new Observation(clusters, List.of(sessions));
    }

    static List<TargetCluster> twoClusters() {
        return List.of(World.cluster("east", "zone-a", 100_000, 400), World.cluster("west", "zone-b", 100_000, 400));
    }
}
