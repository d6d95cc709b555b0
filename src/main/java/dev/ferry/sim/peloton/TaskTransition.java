package dev.ferry.sim.peloton;

import dev.ferry.cluster.peloton.TaskState;

/**
 * One change of a session task's state, as Peloton's pod events record it, at virtual time
 * {@code atNanos}. {@code runId} is the run the task is in after the change (a start begins a new run).
 */
public record TaskTransition(String jobId, long runId, TaskState from, TaskState to, long atNanos) {

    /** The session stopped being usable here: it left RUNNING. Opens a disruption window. */
    public boolean becameUnusable() {
        return from.isRunning() && !to.isRunning();
    }

    /** The session became usable again here: it reached RUNNING. Closes a disruption window. */
    public boolean becameUsable() {
        return to.isRunning() && !from.isRunning();
    }
}
