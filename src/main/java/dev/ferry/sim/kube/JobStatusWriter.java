package dev.ferry.sim.kube;

import dev.ferry.migrate.PodPhase;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fake kubelet's Job controller part of a pod change: the Job's {@code status.active}, {@code ready} and
 * {@code failed}, which is what the scheduler reads. A status is written at once; a refused write is kept, reported
 * and retried on the next sync; a Job that is gone has no status to keep.
 */
final class JobStatusWriter {

    private final KubeletApi api;
    private final Runnable refused;
    private final Map<String, Map<String, Object>> due = new LinkedHashMap<>();
    private long writtenOnRetry;

    /**
     * @param api     the kubelet's API calls
     * @param refused told of every refused write
     */
    JobStatusWriter(KubeletApi api, Runnable refused) {
        this.api = Objects.requireNonNull(api, "api");
        this.refused = Objects.requireNonNull(refused, "refused");
    }

    /** Records that the pod of Job {@code jobName} turned {@code to} (null: gone) and writes it. */
    void record(String jobName, PodPhase to) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("active", to == PodPhase.PENDING || to == PodPhase.RUNNING ? 1 : 0);
        status.put("ready", to == PodPhase.RUNNING ? 1 : 0);
        if (to == PodPhase.FAILED) {
            status.put("failed", 1);
        }
        due.put(jobName, status);
        write(jobName);
    }

    /** Retries the writes that were refused, oldest Job first. */
    void retry() {
        for (String jobName : List.copyOf(due.keySet())) {
            if (write(jobName)) {
                writtenOnRetry++;
            }
        }
    }

    /** How many refused writes a retry has written since (a Job that went meanwhile is not counted). */
    long writtenOnRetry() {
        return writtenOnRetry;
    }

    /** Whether a refused write waits for its retry. */
    boolean pending() {
        return !due.isEmpty();
    }

    /** Whether the status was written; false when the API refused it or the Job is gone. */
    private boolean write(String jobName) {
        Map<String, Object> status = due.get(jobName);
        try {
            api.patchJobStatus(jobName, status);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) { // a Job that is gone has no status to keep
                refused.run();
                return false;
            }
            due.remove(jobName);
            return false;
        }
        due.remove(jobName);
        return true;
    }
}
