package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.SessionJobs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;

/**
 * What the fake kubelet reads off Jobs: whether a Job wants a pod, and labels (a Job's resource requests are read
 * by {@link SessionJobs#request}).
 */
final class JobPods {

    private JobPods() {
    }

    /** Whether {@code job} wants a pod (owned by {@code podOwnerUid}, if known). */
    static boolean wants(Job job, String podOwnerUid) {
        if (job == null || job.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        if (job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getSuspend())) {
            return false;
        }
        String uid = job.getMetadata().getUid();
        return podOwnerUid == null || uid == null || podOwnerUid.equals(uid);
    }

    static String label(HasMetadata resource, String key) {
        Map<String, String> labels = resource.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }
}
