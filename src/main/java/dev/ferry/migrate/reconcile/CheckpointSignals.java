package dev.ferry.migrate.reconcile;

import java.util.Optional;

/**
 * The checkpoint barrier's inputs, as the control plane collects them from the trackers: for each session the
 * latest checkpoint, whether an install is in progress, and which generation a new container restored.
 */
public interface CheckpointSignals {

    /** What the session's tracker last reported; empty if it never reported. */
    Optional<CheckpointStatus> status(String sessionId);
}
