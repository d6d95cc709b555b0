package dev.ferry.migrate.reconcile;

import java.util.Comparator;
import java.util.List;

/** A snapshot of the federation and of every session, ordered by cluster name and session id. */
public record Observation(List<ClusterInfo> clusters, List<SessionObservation> sessions) {

    public Observation {
        clusters = clusters.stream().sorted(Comparator.comparing(ClusterInfo::name)).toList();
        sessions = sessions.stream().sorted(Comparator.comparing(SessionObservation::sessionId)).toList();
    }
}
