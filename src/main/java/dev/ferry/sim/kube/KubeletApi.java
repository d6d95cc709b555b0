package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.JobPodStatus;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.migrate.PodPhase;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fake kubelet's calls to its cluster's API server, in one namespace: what it writes of Ferry's Jobs' pods and
 * status (it reads the Jobs from its watch, {@link KubeletJobs}). One call each; a refused call throws
 * {@link KubernetesClientException} and the caller decides what to retry.
 */
final class KubeletApi {

    private final KubernetesClient client;
    private final String namespace;

    /**
     * @param cluster   the cluster's name, for the error message
     * @param client    a client of the cluster's API server, without fabric8's own retries
     * @param namespace the namespace of Ferry's Jobs
     */
    KubeletApi(String cluster, KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        Integer retries = client.getConfiguration().getRequestRetryBackoffLimit();
        if (retries != null && retries > 0) {
            throw new IllegalArgumentException("cluster " + cluster + ": the client retries by itself on a real-time "
                    + "timer (requestRetryBackoffLimit " + retries + "); use KubeClients.withoutRetries");
        }
    }

    /**
     * Creates pod {@code podName} of {@code job} in phase Pending: bound to {@code nodeName}, or, if that is null,
     * without a node and with condition {@code PodScheduled=False/Unschedulable} saying {@code unschedulableMessage}.
     */
    void createPod(Job job, String podName, String nodeName, String unschedulableMessage) {
        String jobName = job.getMetadata().getName();
        Map<String, String> labels = new LinkedHashMap<>();
        if (job.getSpec().getTemplate().getMetadata() != null
                && job.getSpec().getTemplate().getMetadata().getLabels() != null) {
            labels.putAll(job.getSpec().getTemplate().getMetadata().getLabels());
        }
        labels.put(SessionJobs.MANAGED_BY, SessionJobs.FERRY);
        labels.put(SessionJobs.JOB_NAME, jobName);
        PodSpec spec = new PodSpecBuilder(job.getSpec().getTemplate().getSpec())
                .withNodeName(nodeName).build();
        PodBuilder pod = new PodBuilder()
                .withNewMetadata()
                    .withName(podName)
                    .withNamespace(namespace)
                    .withLabels(labels)
                .endMetadata()
                .withSpec(spec)
                .withNewStatus()
                    .withPhase(JobPodStatus.apiName(PodPhase.PENDING))
                .endStatus();
        if (job.getMetadata().getUid() != null) {
            pod.editMetadata().withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1")
                    .withKind("Job").withName(jobName).withUid(job.getMetadata().getUid()).withController(true)
                    .withBlockOwnerDeletion(true).build()).endMetadata();
        }
        if (nodeName == null) {
            pod.editStatus().addNewCondition().withType("PodScheduled").withStatus("False")
                    .withReason(FakeKubelet.UNSCHEDULABLE).withMessage(unschedulableMessage).endCondition()
                    .endStatus();
        }
        client.pods().inNamespace(namespace).resource(pod.build()).create();
    }

    /** Binds unschedulable pod {@code podName} to {@code nodeName}: {@code PodScheduled=True}. */
    void bind(String podName, String nodeName) {
        Map<String, Object> condition = Map.of("type", "PodScheduled", "status", "True");
        String body = client.getKubernetesSerialization().asJson(Map.of("spec", Map.of("nodeName", nodeName),
                "status", Map.of("conditions", List.of(condition))));
        pod(podName).patch(PatchContext.of(PatchType.JSON_MERGE), body);
    }

    /** Turns pod {@code podName} Running, started and ready at {@code at}. */
    void patchRunning(String podName, Instant at) {
        String now = at.toString();
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (String type : List.of("PodScheduled", "Initialized", "ContainersReady", "Ready")) {
            conditions.add(Map.of("type", type, "status", "True", "lastTransitionTime", now));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", JobPodStatus.apiName(PodPhase.RUNNING));
        status.put("startTime", now);
        status.put("conditions", conditions);
        patchStatus(podName, status);
    }

    /** Turns pod {@code podName} Failed with {@code reason} and {@code message}. */
    void patchFailed(String podName, String reason, String message) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", JobPodStatus.apiName(PodPhase.FAILED));
        status.put("reason", reason);
        status.put("message", message);
        patchStatus(podName, status);
    }

    void deletePod(String podName) {
        pod(podName).delete();
    }

    /** Merges {@code status} into Job {@code jobName}'s status. */
    void patchJobStatus(String jobName, Map<String, Object> status) {
        client.batch().v1().jobs().inNamespace(namespace).resource(SessionJobs.reference(namespace, jobName))
                .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                        client.getKubernetesSerialization().asJson(Map.of("status", status)));
    }

    /** A merge patch of the pod's status, addressed by name only (fabric8 would read the pod first otherwise). */
    private void patchStatus(String podName, Map<String, Object> status) {
        Pod reference = new PodBuilder().withNewMetadata().withNamespace(namespace).withName(podName).endMetadata()
                .build();
        client.pods().inNamespace(namespace).resource(reference).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE),
                client.getKubernetesSerialization().asJson(Map.of("status", status)));
    }

    private PodResource pod(String name) {
        return client.pods().inNamespace(namespace).withName(name);
    }
}
