package dev.ferry.migrate;

/**
 * Where a session stands on the source orchestrator, as far as the reconciler's decisions go. The source adapter
 * maps its own states onto these (Peloton's task states, for one).
 */
public enum SourceState {
    /** On its way to running: created, waiting for resources, being placed, launched, starting. */
    STARTING,
    /** Running: the only state in which its user can work in it. */
    RUNNING,
    /** Being preempted by the source orchestrator: not usable, and no stop of ours under way. */
    PREEMPTING,
    /** A stop was asked for and is under way. */
    STOPPING,
    /** This run of the session is over (stopped, exited, failed, lost): nothing of it runs. */
    ENDED;

    public boolean isRunning() {
        return this == RUNNING;
    }

    public boolean isEnded() {
        return this == ENDED;
    }
}
