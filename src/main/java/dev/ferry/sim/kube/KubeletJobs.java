package dev.ferry.sim.kube;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;

/**
 * Where the fake kubelet reads Ferry's Jobs: every one of them in its namespace as of now, as a real kubelet and Job
 * controller see them through their watch, with no request per sync. In the simulation this is a watching
 * {@link dev.ferry.cluster.kube.JobCache} brought up to the API server's latest change first.
 */
@FunctionalInterface
public interface KubeletJobs {

    /**
     * Ferry's Jobs in the namespace, in any order.
     *
     * @throws RuntimeException (a {@link dev.ferry.cluster.kube.KubeApiException} or a fabric8
     *     {@code KubernetesClientException}) when they cannot be read now; the kubelet retries on its next sync
     */
    List<Job> current();
}
