package dev.ferry.sim.kube;

/**
 * What a {@link FakeKubelet} has done so far.
 *
 * @param podsCreated           pods created for Jobs
 * @param podsStarted           pods that reached Running
 * @param pendingUnschedulable  pods Pending right now because no node fits them
 * @param unschedulableAttempts placement attempts (at creation or on a later sync) that found no node
 * @param failedByNodeLoss      pods failed with reason NodeLost
 * @param podsDeleted           pods deleted because their Job was suspended, deleted or replaced
 * @param nodeLosses            calls of {@link FakeKubelet#loseNode}
 * @param apiErrors             API calls of the kubelet that failed (retried on the next sync)
 */
public record KubeletCounters(long podsCreated, long podsStarted, long pendingUnschedulable,
                              long unschedulableAttempts, long failedByNodeLoss, long podsDeleted, long nodeLosses,
                              long apiErrors) {
}
