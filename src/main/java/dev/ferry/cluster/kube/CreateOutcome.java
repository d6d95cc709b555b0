package dev.ferry.cluster.kube;

import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The session Job after an idempotent create.
 *
 * @param job     the Job as the cluster has it (with its resourceVersion)
 * @param created true if this call created it; false if it already existed (an earlier attempt, perhaps by a
 *                scheduler that crashed), in which case {@code job} is the existing one, unchanged
 */
public record CreateOutcome(Job job, boolean created) {
}
