package dev.ferry.cluster.peloton;

import java.util.Locale;

/**
 * The runtime state of a session's single task, mirroring Peloton's own state machine: the v0
 * {@code peloton.api.v0.task.TaskState} and the v1alpha {@code peloton.api.v1alpha.pod.PodState}
 * (same values, spelled {@code POD_STATE_RUNNING} and so on; {@code INVALID} is left out). A start
 * goes PENDING → (READY → PLACING → PLACED → LAUNCHING →) LAUNCHED → STARTING → RUNNING; a stop goes
 * KILLING → KILLED; FAILED and LOST end a run on errors. The terminal set is Peloton's
 * {@code IsPelotonPodStateTerminal}: SUCCEEDED, FAILED, LOST, KILLED, DELETED.
 */
public enum TaskState {
    /** Created and persisted, not yet handed to the resource manager. */
    INITIALIZED,
    /** Waiting for resources. */
    PENDING,
    /** Resources allocated; ready for placement. */
    READY,
    /** Being placed on a host. */
    PLACING,
    /** Assigned to a host. */
    PLACED,
    /** Taken from the resource manager to be launched. */
    LAUNCHING,
    /** Launched to the Mesos agent. */
    LAUNCHED,
    /** The container is being started on the host. */
    STARTING,
    /** Running: the only state in which a user can work in the session. */
    RUNNING,
    /** Exited with code zero. */
    SUCCEEDED,
    /** Exited with a non-zero code, or the launch failed. */
    FAILED,
    /** The host or its agent was lost. */
    LOST,
    /** Being preempted by another task on the host. */
    PREEMPTING,
    /** A kill was requested and is in progress. */
    KILLING,
    /** Killed by the system on request. */
    KILLED,
    /** Deleted after termination. */
    DELETED;

    private static final String POD_PREFIX = "POD_STATE_";

    /** Whether the session is usable: the task is RUNNING (not being preempted or killed). */
    public boolean isRunning() {
        return this == RUNNING;
    }

    /** Whether this run of the task is over: SUCCEEDED, FAILED, LOST, KILLED or DELETED. */
    public boolean isTerminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, LOST, KILLED, DELETED -> true;
            default -> false;
        };
    }

    /** Whether the task is on its way to RUNNING: INITIALIZED through STARTING. */
    public boolean isStarting() {
        return ordinal() <= STARTING.ordinal();
    }

    /** The v1alpha wire name, e.g. {@code POD_STATE_RUNNING}. */
    public String podStateName() {
        return POD_PREFIX + name();
    }

    /**
     * Parses a Peloton state name in either API version's spelling ({@code RUNNING} or
     * {@code POD_STATE_RUNNING}), case-insensitively.
     *
     * @throws IllegalArgumentException for an unknown name, including {@code POD_STATE_INVALID}
     */
    public static TaskState fromPeloton(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        String bare = upper.startsWith(POD_PREFIX) ? upper.substring(POD_PREFIX.length()) : upper;
        try {
            return valueOf(bare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Peloton task state: " + name, e);
        }
    }
}
