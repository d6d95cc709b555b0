package dev.ferry.cluster.kube;

import dev.ferry.migrate.PodPhase;

/**
 * The pod a session's Job made, as far as the scheduler cares.
 *
 * @param name        the pod's name
 * @param phase       its {@code status.phase}
 * @param terminating whether it is being deleted (its container may still be running: not yet gone)
 * @param unschedulable whether the scheduler found no node for it: condition {@code PodScheduled=False} with reason
 *                    {@code Unschedulable}
 */
public record SessionPod(String name, PodPhase phase, boolean terminating, boolean unschedulable) {

    /** The reason the Kubernetes scheduler gives a pod no node fits. */
    public static final String UNSCHEDULABLE = "Unschedulable";

    /** A pod not known to be unschedulable. */
    public SessionPod(String name, PodPhase phase, boolean terminating) {
        this(name, phase, terminating, false);
    }
}
