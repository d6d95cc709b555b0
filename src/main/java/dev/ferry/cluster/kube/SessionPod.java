package dev.ferry.cluster.kube;

import dev.ferry.migrate.PodPhase;

/**
 * The pod a session's Job made, as far as the scheduler cares.
 *
 * @param name        the pod's name
 * @param phase       its {@code status.phase}
 * @param terminating whether it is being deleted (its container may still be running: not yet gone)
 */
public record SessionPod(String name, PodPhase phase, boolean terminating) {
}
