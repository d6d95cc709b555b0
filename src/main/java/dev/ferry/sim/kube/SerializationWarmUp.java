package dev.ferry.sim.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.api.model.batch.v1.JobListBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;

/**
 * Serializes and reads back, once, the kinds of resources the simulated clusters carry (Jobs, pods, nodes, their
 * lists and watch events), when the federation starts. The first use of fabric8's Jackson model loads and
 * introspects hundreds of classes, which on a busy 2-core machine takes seconds: done here, that cost is paid before
 * the first pass rather than inside a watch's delivery while a pass waits for its cache. (While the mock servers were
 * reached over HTTP, until 2026-12-04, it also kept Vert.x's blocked-thread warning off standard error.) Nothing
 * here changes what a run computes.
 */
public final class SerializationWarmUp {

    private static boolean done;

    private SerializationWarmUp() {
    }

    /** The JVM-wide part (class loading, the static mapper the CRUD store uses), once per JVM. */
    public static synchronized void once() {
        if (done) {
            return;
        }
        done = true;
        String job = Serialization.asJson(new JobListBuilder().addToItems(job()).build());
        Serialization.unmarshal(job, JobList.class);
        Serialization.unmarshal(Serialization.asJson(pod()), GenericKubernetesResource.class);
        with(new KubernetesSerialization());
    }

    /** One mapper's own caches: a client's, whose watches read events on fabric8's threads. */
    public static void with(KubernetesSerialization serialization) {
        Job job = job();
        Pod pod = pod();
        Node node = node();
        serialization.unmarshal(serialization.asJson(new JobListBuilder().addToItems(job).build()), JobList.class);
        serialization.unmarshal(serialization.asJson(new PodListBuilder().addToItems(pod).build()), PodList.class);
        serialization.unmarshal(serialization.asJson(new NodeListBuilder().addToItems(node).build()), NodeList.class);
        serialization.unmarshal(serialization.asJson(new WatchEvent(job, "MODIFIED")), WatchEvent.class);
        serialization.unmarshal(serialization.asJson(new WatchEvent(pod, "ADDED")), WatchEvent.class);
        serialization.unmarshal(serialization.asJson(pod), GenericKubernetesResource.class);
    }

    private static Job job() {
        return new JobBuilder().withNewMetadata().withName("warm-up").withNamespace("warm-up")
                .withLabels(Map.of("app", "warm-up")).withAnnotations(Map.of("warm-up", "{}")).endMetadata()
                .withNewSpec().withSuspend(true).withParallelism(1).withCompletions(1).withBackoffLimit(0)
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "warm-up")).endMetadata()
                .withSpec(podSpec()).endTemplate().endSpec()
                .withNewStatus().withActive(1).endStatus().build();
    }

    private static Pod pod() {
        return new PodBuilder().withNewMetadata().withName("warm-up-x").withNamespace("warm-up")
                .withLabels(Map.of("app", "warm-up")).endMetadata().withSpec(podSpec())
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True")
                .endCondition().endStatus().build();
    }

    private static Node node() {
        return new NodeBuilder().withNewMetadata().withName("warm-up-node").withLabels(Map.of("zone", "z"))
                .endMetadata().withNewStatus().addToAllocatable("cpu", new Quantity("8")).endStatus().build();
    }

    private static PodSpec podSpec() {
        return new PodSpecBuilder().withRestartPolicy("Never").withNodeName("warm-up-node")
                .addNewContainer().withName("c").withImage("i").addNewEnv().withName("HOME").withValue("/h").endEnv()
                .withNewResources().addToRequests("cpu", new Quantity("1")).addToLimits("memory", new Quantity("1Gi"))
                .endResources().addNewVolumeMount().withName("home").withMountPath("/h").endVolumeMount()
                .endContainer().addNewVolume().withName("home").withNewNfs().withServer("nfs").withPath("/p").endNfs()
                .endVolume().addNewToleration().withKey("gpu").withOperator("Exists").endToleration().build();
    }
}
