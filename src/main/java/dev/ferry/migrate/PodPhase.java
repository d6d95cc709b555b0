package dev.ferry.migrate;

/**
 * Where the pod of a session's target Job stands; {@link #UNKNOWN} when the cluster reports a phase Ferry does not
 * know, or none. (The adapter maps Kubernetes' {@code status.phase} strings onto these.)
 */
public enum PodPhase {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    UNKNOWN
}
