package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.TargetCluster;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A snapshot of the federation and of every session, ordered by cluster name and session id. {@code unreachable}
 * names the clusters whose Jobs could not be read; {@code everyJob} is false when only the Jobs whose migration is
 * not done were read, and then {@code sessions} holds only the sessions of those Jobs. Either way a session
 * without a Job in sight may still have one, and only a complete observation may start anything new.
 */
public record Observation(List<TargetCluster> clusters, List<SessionObservation> sessions, Set<String> unreachable,
        boolean everyJob) {

    public Observation {
        clusters = clusters.stream().sorted(Comparator.comparing(TargetCluster::name)).toList();
        sessions = sessions.stream().sorted(Comparator.comparing(SessionObservation::sessionId)).toList();
        unreachable = Set.copyOf(unreachable);
    }

    /** Every Job of every cluster read. */
    public Observation(List<TargetCluster> clusters, List<SessionObservation> sessions) {
        this(clusters, sessions, Set.of(), true);
    }

    /** Every Job of every reachable cluster read; {@code unreachable} could not be. */
    public Observation(List<TargetCluster> clusters, List<SessionObservation> sessions, Set<String> unreachable) {
        this(clusters, sessions, unreachable, true);
    }

    /** Whether every Job of every cluster was read. */
    public boolean complete() {
        return everyJob && unreachable.isEmpty();
    }
}
