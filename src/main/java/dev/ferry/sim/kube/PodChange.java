package dev.ferry.sim.kube;

import dev.ferry.migrate.PodPhase;

/**
 * A pod of a Ferry Job changed phase on a {@link FakeKubelet}'s cluster.
 *
 * @param cluster   the cluster
 * @param pod       the pod's name
 * @param jobName   its Job's name
 * @param sessionId the session it runs, "" if the pod has no session label
 * @param node      the node it is bound to, "" if none (unschedulable)
 * @param from      the phase before, {@code null} when the pod was just created
 * @param to        the phase after, {@code null} when the pod was deleted
 * @param reason    why: {@code Scheduled}, {@code Unschedulable}, {@code Started}, {@code NodeLost},
 *                  {@code JobSuspended}, {@code JobGone}
 * @param atNanos   virtual time of the change
 */
public record PodChange(String cluster, String pod, String jobName, String sessionId, String node, PodPhase from,
                        PodPhase to, String reason, long atNanos) {
}
