package dev.ferry.sim.kube;

import dev.ferry.migrate.Resources;
import dev.ferry.testing.MockClusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.kube.KubeCluster;
import dev.ferry.migrate.PodPhase;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.des.Kernel;
import dev.ferry.model.ClusterModel;
import dev.ferry.model.NodeScoring;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fake kubelet on a real fabric8 CRUD mock server and the discrete-event kernel. */
class FakeKubeletTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    /** scheduling 100 ms + cached pull 2 s (always cached) + NFS 500 ms. */
    private static final ClusterModel.PodStart FIXED = new ClusterModel.PodStart(fixed(100), 1.0, fixed(2_000),
            fixed(30_000), fixed(500));
    private static final long START = 2_600 * MS;

    private static KubernetesMockServer server;
    private static NamespacedKubernetesClient client;

    private Kernel kernel;
    private String namespace;
    private final List<PodChange> changes = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = MockClusters.crud();
        client = MockClusters.client(server);
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.destroy();
    }

    @BeforeEach
    void setUp() {
        kernel = new Kernel(1_800_000_000_000L);
        namespace = "ns-" + NAMESPACES.incrementAndGet();
    }

    @Test
    @DisplayName("a Job gets a Pending pod bound to a node, Running exactly after scheduling + pull + mount")
    void pendingThenRunning() {
        FakeKubelet kubelet = kubelet(cluster(pool("cpu", 2, 32, 128, 0)), FIXED, 1);
        createJob(spec("s1", 4_000, 16, 0));

        kubelet.sync();
        Pod pod = onlyPod("s1");
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getSpec().getNodeName()).isEqualTo("k8s-a1-cpu-000");
        assertThat(pod.getMetadata().getLabels()).containsEntry(SessionJobs.JOB_NAME, "session-s1")
                .containsEntry(SessionJobs.SESSION, "s1").containsEntry(SessionJobs.MANAGED_BY, "ferry")
                .containsEntry(SessionJobs.OWNER, "alice");
        KubeCluster product = new KubeCluster("k8s-a1", client, namespace);
        assertThat(product.sessionPodPhase("s1")).contains(PodPhase.PENDING);

        kernel.runUntil(START - 1);
        assertThat(onlyPod("s1").getStatus().getPhase()).isEqualTo("Pending");
        kernel.runUntil(START);
        assertThat(product.sessionPodPhase("s1")).contains(PodPhase.RUNNING);
        assertThat(changes).extracting(PodChange::from, PodChange::to, PodChange::atNanos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, PodPhase.PENDING, 0L),
                        org.assertj.core.groups.Tuple.tuple(PodPhase.PENDING, PodPhase.RUNNING, START));
        kubelet.sync();
        assertThat(pods("s1")).hasSize(1);
        assertThat(kubelet.counters().podsCreated()).isEqualTo(1);
        assertThat(kubelet.counters().podsStarted()).isEqualTo(1);
        assertThat(kubelet.node("k8s-a1-cpu-000").orElseThrow().free()).isEqualTo(Resources.ofGiB(28_000, 112, 0));
    }

    @Test
    @DisplayName("a pod that fits nowhere stays Pending Unschedulable and starts once another Job is deleted")
    void capacityEnforced() {
        FakeKubelet kubelet = kubelet(cluster(pool("cpu", 1, 4, 16, 0)), FIXED, 1);
        createJob(spec("big", 3_000, 8, 0));
        kubelet.sync();
        createJob(spec("late", 2_000, 4, 0));
        kubelet.sync();

        Pod late = onlyPod("late");
        assertThat(late.getSpec().getNodeName()).isNull();
        assertThat(late.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(late.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("PodScheduled");
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("Unschedulable");
        });
        assertThat(kubelet.counters().pendingUnschedulable()).isEqualTo(1);
        kernel.runUntil(10 * SECOND);
        kubelet.sync();
        assertThat(onlyPod("late").getStatus().getPhase()).isEqualTo("Pending");
        assertThat(kubelet.counters().unschedulableAttempts()).isEqualTo(2);

        new KubeCluster("k8s-a1", client, namespace).deleteSessionJob("big");
        kubelet.sync();
        assertThat(pods("big")).isEmpty();
        assertThat(onlyPod("late").getSpec().getNodeName()).isEqualTo("k8s-a1-cpu-000");
        assertThat(kubelet.counters().pendingUnschedulable()).isZero();
        kernel.runUntil(10 * SECOND + START);
        assertThat(onlyPod("late").getStatus().getPhase()).isEqualTo("Running");
        assertThat(kubelet.counters().podsDeleted()).isEqualTo(1);
    }

    @Test
    @DisplayName("GPU Jobs go only to GPU nodes, other Jobs never do")
    void gpuOnlyOnGpuNodes() {
        FakeKubelet kubelet = kubelet(cluster(pool("cpu", 2, 32, 128, 0), pool("gpu", 1, 64, 512, 2)), FIXED, 1);
        createJob(spec("g1", 8_000, 61, 1));
        createJob(spec("c1", 8_000, 70, 0));
        createJob(spec("c2", 8_000, 70, 0));
        createJob(spec("c3", 8_000, 70, 0));
        createJob(spec("g2", 8_000, 61, 4));
        kubelet.sync();

        assertThat(onlyPod("g1").getSpec().getNodeName()).isEqualTo("k8s-a1-gpu-000");
        assertThat(onlyPod("c1").getSpec().getNodeName()).startsWith("k8s-a1-cpu-");
        assertThat(onlyPod("c2").getSpec().getNodeName()).startsWith("k8s-a1-cpu-");
        assertThat(onlyPod("c3").getSpec().getNodeName()).as("one 70 GiB pod per 128 GiB node; the GPU node "
                + "is tainted").isNull();
        assertThat(onlyPod("g2").getSpec().getNodeName()).as("4 GPUs fit on no node").isNull();
        assertThat(kubelet.counters().pendingUnschedulable()).isEqualTo(2);
    }

    @Test
    @DisplayName("least allocated: pods spread over the nodes, ties to the first node")
    void spreads() {
        FakeKubelet kubelet = kubelet(cluster(pool("cpu", 3, 32, 128, 0)), FIXED, 1);
        for (int i = 0; i < 4; i++) {
            createJob(spec("s" + i, 2_000, 8, 0));
        }
        kubelet.sync();
        assertThat(List.of(onlyPod("s0"), onlyPod("s1"), onlyPod("s2"), onlyPod("s3")))
                .extracting(p -> p.getSpec().getNodeName())
                .containsExactly("k8s-a1-cpu-000", "k8s-a1-cpu-001", "k8s-a1-cpu-002", "k8s-a1-cpu-000");
    }

    @Test
    @DisplayName("most allocated: pods pack onto the fullest node that fits, so a whole node stays free for a large one")
    void packs() {
        ClusterModel.Cluster packed = new ClusterModel.Cluster("k8s-a1", "zone-a", List.of(pool("cpu", 3, 32, 128, 0)),
                NodeScoring.MOST_ALLOCATED);
        FakeKubelet kubelet = kubelet(packed, FIXED, 1);
        for (int i = 0; i < 5; i++) {
            createJob(spec("s" + i, 8_000, 32, 0));
        }
        kubelet.sync();
        createJob(spec("big", 32_000, 128, 0));
        kubelet.sync();
        assertThat(List.of(onlyPod("s0"), onlyPod("s1"), onlyPod("s2"), onlyPod("s3"), onlyPod("s4")))
                .extracting(p -> p.getSpec().getNodeName())
                .containsExactly("k8s-a1-cpu-000", "k8s-a1-cpu-000", "k8s-a1-cpu-000", "k8s-a1-cpu-000",
                        "k8s-a1-cpu-001");
        assertThat(onlyPod("big").getSpec().getNodeName()).as("spread, the five would have left no node empty")
                .isEqualTo("k8s-a1-cpu-002");
    }

    @Test
    @DisplayName("suspending the Job deletes its pod and frees its capacity, before or after it runs")
    void suspendDeletesPod() {
        FakeKubelet kubelet = kubelet(cluster(pool("cpu", 1, 32, 128, 0)), FIXED, 1);
        createJob(spec("s1", 4_000, 16, 0));
        createJob(spec("s2", 4_000, 16, 0));
        kubelet.sync();
        kernel.runUntil(START);
        assertThat(onlyPod("s1").getStatus().getPhase()).isEqualTo("Running");

        suspend("s1");
        kubelet.sync();
        assertThat(pods("s1")).isEmpty();
        assertThat(changes).last().satisfies(c -> {
            assertThat(c.from()).isEqualTo(PodPhase.RUNNING);
            assertThat(c.to()).isNull();
            assertThat(c.reason()).isEqualTo("JobSuspended");
        });
        assertThat(kubelet.node("k8s-a1-cpu-000").orElseThrow().free()).isEqualTo(Resources.ofGiB(28_000, 112, 0));

        // suspended while Pending and no sync before the start event: the kubelet acts on the Jobs as it last saw
        // them, so the pod starts, and the next sync deletes it
        createJob(spec("s3", 4_000, 16, 0));
        kubelet.sync();
        suspend("s3");
        kernel.runUntil(START * 2);
        assertThat(onlyPod("s3").getStatus().getPhase()).isEqualTo("Running");
        kubelet.sync();
        assertThat(pods("s3")).isEmpty();
        assertThat(kubelet.counters().podsStarted()).isEqualTo(3);
        assertThat(kubelet.node("k8s-a1-cpu-000").orElseThrow().free()).isEqualTo(Resources.ofGiB(28_000, 112, 0));

        // unsuspended: a new pod
        unsuspend("s1");
        kubelet.sync();
        assertThat(onlyPod("s1").getStatus().getPhase()).isEqualTo("Pending");
    }

    @Test
    @DisplayName("a lost node fails its pods with NodeLost and offers no capacity until it returns")
    void nodeLoss() {
        FakeKubelet kubelet = kubelet(cluster(pool("cpu", 2, 4, 16, 0)), FIXED, 1);
        createJob(spec("s1", 4_000, 16, 0));
        createJob(spec("s2", 4_000, 16, 0));
        kubelet.sync();
        kernel.runUntil(START);
        String lostNode = onlyPod("s1").getSpec().getNodeName();
        assertThat(lostNode).isEqualTo("k8s-a1-cpu-000");

        kubelet.loseNode(lostNode, 60 * SECOND);
        Pod failed = onlyPod("s1");
        assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(failed.getStatus().getReason()).isEqualTo("NodeLost");
        assertThat(onlyPod("s2").getStatus().getPhase()).isEqualTo("Running");
        assertThat(kubelet.counters().failedByNodeLoss()).isEqualTo(1);
        assertThat(kubelet.node(lostNode).orElseThrow().up()).isFalse();
        assertThat(changes).last().satisfies(c -> {
            assertThat(c.to()).isEqualTo(PodPhase.FAILED);
            assertThat(c.reason()).isEqualTo("NodeLost");
            assertThat(c.node()).isEqualTo(lostNode);
            assertThat(c.atNanos()).isEqualTo(START);
        });

        createJob(spec("s3", 4_000, 16, 0));
        kubelet.sync();
        assertThat(onlyPod("s3").getSpec().getNodeName()).isNull();
        assertThat(pods("s1")).as("backoffLimit 0: no replacement pod").hasSize(1);

        kernel.runUntil(START + 60 * SECOND - 1);
        kubelet.sync();
        assertThat(onlyPod("s3").getSpec().getNodeName()).isNull();
        kernel.runUntil(START + 60 * SECOND);
        kubelet.sync();
        assertThat(onlyPod("s3").getSpec().getNodeName()).isEqualTo(lostNode);
        kernel.runUntil(2 * START + 60 * SECOND);
        assertThat(onlyPod("s3").getStatus().getPhase()).isEqualTo("Running");
        assertThat(onlyPod("s1").getStatus().getPhase()).isEqualTo("Failed");
    }

    @Test
    @DisplayName("the same seed gives the same pods, nodes and times; another seed other times")
    void deterministic() {
        ClusterModel.PodStart random = new ClusterModel.PodStart(new ClusterModel.LogNormal(5.3, 0.5, 20, 10_000),
                0.8, new ClusterModel.LogNormal(7.3, 0.4, 200, 15_000),
                new ClusterModel.LogNormal(10.7, 0.6, 10_000, 600_000), new ClusterModel.LogNormal(7.3, 0.8, 100,
                120_000));
        List<String> first = run(random, 42);
        List<String> second = run(random, 42);
        List<String> other = run(random, 43);
        assertThat(first).hasSizeGreaterThanOrEqualTo(24).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    private List<String> run(ClusterModel.PodStart latencies, long seed) {
        setUp();
        changes.clear();
        FakeKubelet kubelet = kubelet(cluster(pool("cpu", 3, 8, 32, 0)), latencies, seed);
        for (int i = 0; i < 12; i++) {
            createJob(spec("s" + i, 2_000, 8, 0));
        }
        kubelet.sync();
        kernel.runUntil(30 * SECOND);
        kubelet.loseNode("k8s-a1-cpu-001", 600 * SECOND);
        kernel.run();
        return changes.stream().map(c -> c.pod() + " " + c.node() + " " + c.from() + "->" + c.to() + " @"
                + c.atNanos()).toList();
    }

    private FakeKubelet kubelet(ClusterModel.Cluster cluster, ClusterModel.PodStart latencies, long seed) {
        FakeKubelet kubelet = new FakeKubelet(cluster, latencies, kernel, kernel, new SplittableRandom(seed), client,
                namespace, this::jobs);
        kubelet.addListener(changes::add);
        return kubelet;
    }

    private static ClusterModel.Cluster cluster(ClusterModel.NodePool... pools) {
        return new ClusterModel.Cluster("k8s-a1", "zone-a", List.of(pools));
    }

    private static ClusterModel.NodePool pool(String name, int count, int cpu, int memoryGiB, int gpus) {
        return new ClusterModel.NodePool(name, count, Resources.ofGiB(cpu * 1000L, memoryGiB, gpus));
    }

    private static ClusterModel.LogNormal fixed(double ms) {
        return new ClusterModel.LogNormal(Math.log(ms), 0.3, ms, ms);
    }

    private static SessionSpec spec(String id, int cpuMillis, int memoryGiB, int gpus) {
        return new SessionSpec(id, "alice", "geo", SessionKind.JUPYTER, "jupyter:1", Resources.ofGiB(cpuMillis, memoryGiB, gpus),
                "nfs.example", "/homes/alice", 0);
    }

    /** The namespace's Ferry Jobs as of now: what the kubelet's watch, caught up, shows it. */
    private List<Job> jobs() {
        return client.batch().v1().jobs().inNamespace(namespace).withLabel(SessionJobs.MANAGED_BY, SessionJobs.FERRY)
                .list().getItems();
    }

    private void createJob(SessionSpec spec) {
        Job job = SessionJobs.job(spec, dev.ferry.migrate.MigrationState.STARTING, 0);
        client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
    }

    private void suspend(String sessionId) {
        setSuspend(sessionId, true);
    }

    private void unsuspend(String sessionId) {
        setSuspend(sessionId, false);
    }

    private void setSuspend(String sessionId, boolean suspend) {
        client.batch().v1().jobs().inNamespace(namespace).withName(SessionJobs.jobName(sessionId))
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":" + suspend + "}}");
    }

    private List<Pod> pods(String sessionId) {
        return client.pods().inNamespace(namespace).withLabel(SessionJobs.JOB_NAME, SessionJobs.jobName(sessionId))
                .list().getItems();
    }

    private Pod onlyPod(String sessionId) {
        List<Pod> pods = pods(sessionId);
        assertThat(pods).as("pods of " + sessionId).hasSize(1);
        return pods.get(0);
    }
}
