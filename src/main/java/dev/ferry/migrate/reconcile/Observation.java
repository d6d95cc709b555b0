package dev.ferry.migrate.reconcile;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A snapshot of the federation and of every session, ordered by cluster name and session id. {@code unreachable}
 * names the clusters whose Jobs could not be read: the sessions' view of them is missing, so a session without a
 * Job in sight may still have one there.
 */
public record Observation(List<ClusterInfo> clusters, List<SessionObservation> sessions, Set<String> unreachable) {

    public Observation {
        clusters = clusters.stream().sorted(Comparator.comparing(ClusterInfo::name)).toList();
        sessions = sessions.stream().sorted(Comparator.comparing(SessionObservation::sessionId)).toList();
        unreachable = Set.copyOf(unreachable);
    }

    /** Every cluster read. */
    public Observation(List<ClusterInfo> clusters, List<SessionObservation> sessions) {
        this(clusters, sessions, Set.of());
    }

    /** Whether every cluster's Jobs were read. */
    public boolean complete() {
        return unreachable.isEmpty();
    }
}
