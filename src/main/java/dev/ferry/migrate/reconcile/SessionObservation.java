package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything observed about one session at one instant.
 *
 * @param sessionId  the session id (Kubernetes side)
 * @param source     the session on the source orchestrator, empty when the source does not list it
 * @param spec       what it would run on Kubernetes (checkpoint generation 0; the barrier sets it), empty when
 *                   there is no source to derive it from
 * @param lastActivity when its user last did something, epoch ms, empty if never
 * @param targets    its Jobs on the target clusters, at most one per cluster, ordered by cluster name
 * @param checkpoint what its tracker last reported
 * @param lease      its lease with the control plane, when the scheduler reads leases ({@link LeaseReadings})
 */
public record SessionObservation(String sessionId, Optional<SourceSession> source, Optional<SessionSpec> spec,
        OptionalLong lastActivity, List<TargetJob> targets, Optional<CheckpointStatus> checkpoint,
        Optional<SessionLease> lease) {

    /** Without a lease read. */
    public SessionObservation(String sessionId, Optional<SourceSession> source, Optional<SessionSpec> spec,
            OptionalLong lastActivity, List<TargetJob> targets, Optional<CheckpointStatus> checkpoint) {
        this(sessionId, source, spec, lastActivity, targets, checkpoint, Optional.empty());
    }

    public SessionObservation {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(lease, "lease");
        targets = List.copyOf(targets);
    }

    /** The same observation with {@code lease} read. */
    public SessionObservation withLease(Optional<SessionLease> lease) {
        return new SessionObservation(sessionId, source, spec, lastActivity, targets, checkpoint, lease);
    }

    /**
     * The Jobs that are not being deleted: {@link #targets()} itself when none is, as for nearly every session at
     * nearly every pass (each pass asks several times per session, and a copy each time was a fifth of the
     * scheduler's allocation).
     */
    public List<TargetJob> liveTargets() {
        for (TargetJob t : targets) {
            if (t.deleting()) {
                return targets.stream().filter(j -> !j.deleting()).toList();
            }
        }
        return targets;
    }

    /** Owner for budgets: the source's, else a Job's label. */
    public String owner() {
        return source.map(SourceSession::owner).orElseGet(() -> targets.isEmpty() ? sessionId : targets.get(0).owner());
    }

    /** Team for budgets: the source's, else a Job's label. */
    public String team() {
        return source.map(SourceSession::team)
                .orElseGet(() -> targets.isEmpty() ? "unknown" : targets.get(0).team());
    }
}
