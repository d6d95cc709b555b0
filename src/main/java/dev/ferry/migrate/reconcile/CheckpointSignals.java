package dev.ferry.migrate.reconcile;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The checkpoint barrier's inputs, as the control plane collects them from the trackers: for each session the
 * latest checkpoint, whether an install is in progress, and which generation a new container restored; and when
 * the tracker last saw its user act (the scheduler takes the later of that and the source orchestrator's).
 */
public interface CheckpointSignals {

    /** What the session's tracker last reported; empty if it never reported. */
    Optional<CheckpointStatus> status(String sessionId);

    /** When the session's tracker last reported activity of its user, epoch ms; empty if never (or not reported). */
    default OptionalLong lastActivity(String sessionId) {
        return OptionalLong.empty();
    }
}
