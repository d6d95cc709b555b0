package dev.ferry.sim.kube;

import dev.ferry.migrate.Resources;
import dev.ferry.testing.MockClusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.des.Kernel;
import dev.ferry.model.ClusterModel;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** API errors never escape a timer event: the kubelet counts them and retries on the next sync. */
class FakeKubeletApiErrorTest {

    private static final long MS = 1_000_000L;
    private static final String NS = "sessions";

    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;

    @BeforeEach
    void start() {
        server = MockClusters.mixed();
        client = MockClusters.client(server);
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    @DisplayName("a 500 on the Running status write leaves the pod Pending until the next sync writes it")
    void startRetriedOnSync() {
        Kernel kernel = new Kernel(0);
        FakeKubelet kubelet = kubeletOnOneNode(kernel);
        createJob(MigrationState.STARTING);
        kubelet.sync();
        String pod = "session-s1-00001";
        server.expect().patch().withPath("/api/v1/namespaces/" + NS + "/pods/" + pod + "/status")
                .andReturn(500, "{}").once();

        kernel.runUntil(3_000 * MS);
        assertThat(phase(pod)).isEqualTo("Pending");
        assertThat(kubelet.counters().apiErrors()).isEqualTo(1);
        assertThat(kubelet.counters().podsStarted()).isZero();

        kernel.runUntil(4_000 * MS);
        kubelet.sync();
        assertThat(phase(pod)).isEqualTo("Running");
        assertThat(kubelet.counters().podsStarted()).isEqualTo(1);
    }

    @Test
    @DisplayName("a 500 on a lost node's Failed write: listeners hear it at once, the API shows it after the next "
            + "sync, and that sync counts it as written on a retry (the simulation wakes the scheduler then)")
    void failedWriteRetriedOnSyncIsCounted() {
        Kernel kernel = new Kernel(0);
        FakeKubelet kubelet = kubeletOnOneNode(kernel);
        List<PodChange> changes = new ArrayList<>();
        kubelet.addListener(changes::add);
        createJob(MigrationState.DONE);
        kubelet.sync();
        kernel.runUntil(3_000 * MS);
        String pod = "session-s1-00001";
        assertThat(phase(pod)).isEqualTo("Running");
        server.expect().patch().withPath("/api/v1/namespaces/" + NS + "/pods/" + pod + "/status")
                .andReturn(500, "{}").once();

        kubelet.loseNode(kubelet.nodeOf(pod).orElseThrow(), 3_600_000 * MS);
        assertThat(changes).last().satisfies(c -> assertThat(c.to()).isEqualTo(PodPhase.FAILED));
        assertThat(phase(pod)).as("the API refused the write: a reader still sees it Running").isEqualTo("Running");
        assertThat(kubelet.hasPendingWork()).isTrue();
        assertThat(kubelet.writtenOnRetry()).isZero();

        kernel.runUntil(33_000 * MS);
        kubelet.sync();
        assertThat(phase(pod)).isEqualTo("Failed");
        assertThat(kubelet.writtenOnRetry()).isEqualTo(1);
        assertThat(kubelet.hasPendingWork()).isFalse();
        kubelet.sync();
        assertThat(kubelet.writtenOnRetry()).as("written once, counted once").isEqualTo(1);
    }

    private String phase(String pod) {
        Pod p = client.pods().inNamespace(NS).withName(pod).get();
        return p.getStatus().getPhase();
    }

    /** A kubelet of one large node whose pod starts take a second each. */
    private FakeKubelet kubeletOnOneNode(Kernel kernel) {
        ClusterModel.LogNormal oneSecond = new ClusterModel.LogNormal(0, 0, 1_000, 1_000);
        return new FakeKubelet(
                new ClusterModel.Cluster("k8s-b1", "zone-b",
                        List.of(new ClusterModel.NodePool("cpu", 1, Resources.ofGiB(32_000, 128, 0)))),
                new ClusterModel.PodStart(oneSecond, 1, oneSecond, oneSecond, oneSecond), kernel, kernel,
                new SplittableRandom(1), client, NS, () -> client.batch().v1().jobs().inNamespace(NS)
                        .withLabel(SessionJobs.MANAGED_BY, SessionJobs.FERRY).list().getItems());
    }

    /** Session s1's Job, carrying a migration in {@code state}. */
    private void createJob(MigrationState state) {
        client.batch().v1().jobs().inNamespace(NS).resource(SessionJobs.job(new SessionSpec("s1", "bob", "geo",
                SessionKind.RSTUDIO, "rstudio:1", Resources.ofGiB(2_000, 8, 0), "nfs.example", "/homes/bob", 3),
                state, 0)).create();
    }
}
