package dev.ferry.migrate;

/** Where a session goes: a cluster, or nowhere yet, in which case it waits in the queue (it does not fail). */
public sealed interface PlacementDecision {

    /** Place the session on {@code cluster}. */
    record Placed(String cluster) implements PlacementDecision {

        public Placed {
            Checks.name(cluster, "cluster");
        }
    }

    /**
     * No cluster has room now. {@code fitsAnEmptyCluster} is false when the request exceeds every
     * cluster's allocatable capacity, so it waits until a larger cluster joins: worth an operator's look.
     */
    record Wait(String reason, boolean fitsAnEmptyCluster) implements PlacementDecision {

        public Wait {
            Checks.name(reason, "reason");
        }
    }
}
