package dev.ferry.cluster.peloton;

import java.util.Objects;

/**
 * The runtime status of a session's task, after Peloton's {@code pod.PodStatus}: the current
 * {@code state}, the {@code desiredState} Peloton is driving it to (RUNNING, or KILLED after a stop),
 * the run number (Peloton's run id, which grows by one each time the task is started again) and the
 * {@code reason} for the last change ({@code ""} when there is none).
 */
public record TaskStatus(TaskState state, TaskState desiredState, long runId, String reason) {

    public TaskStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(desiredState, "desiredState");
        Objects.requireNonNull(reason, "reason");
        if (runId < 1) {
            throw new IllegalArgumentException("run ids start at 1: " + runId);
        }
    }
}
