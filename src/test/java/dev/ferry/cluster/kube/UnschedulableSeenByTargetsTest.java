package dev.ferry.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.TargetJob;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KubeTargets reads PodScheduled=False/Unschedulable of a STARTING Job's pod, on full reads only")
class UnschedulableSeenByTargetsTest {

    private static final String NS = "sessions";

    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;
    private KubeTargets targets;

    @BeforeEach
    void start() throws Exception {
        Logger.getLogger("io.fabric8.mockwebserver").setLevel(Level.WARNING);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
        targets = new KubeTargets(new Federation(List.of(new Federation.Member(
                new TargetCluster("east", "zone-a", Resources.ofGiB(8000, 32, 0)),
                new KubeCluster("east", client, NS)))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    /** A STARTING Job created unsuspended, whose status counts one active pod, and that pod Pending. */
    private void startingWithPendingPod(String id, boolean placed) {
        SessionSpec spec = new SessionSpec(id, "ann", "data", SessionKind.JUPYTER, "jupyter:1",
                Resources.ofGiB(1000, 4, 0), "nfs.example", "/homes/ann", 3);
        targets.create("east", spec, new MigrationRecord(3, MigrationState.STARTING, 1000), false);
        String job = SessionJobs.jobName(id);
        client.batch().v1().jobs().inNamespace(NS).withName(job).subresource("status").patch(
                PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"active\":1}}");
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(job + "-x1").withNamespace(NS)
                .withLabels(Map.of(SessionJobs.JOB_NAME, job)).endMetadata()
                .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus(placed ? "True" : "False").withReason(placed ? null : "Unschedulable")
                .withMessage(placed ? null : "0/3 nodes are available: 3 Insufficient cpu.").endCondition()
                .endStatus();
        client.pods().inNamespace(NS).resource(pod.build()).create();
    }

    private TargetJob only(List<TargetJob> jobs) {
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    @Test
    @DisplayName("a Pending pod no node fits: the Job is read as unschedulable, created unsuspended")
    void seen() {
        startingWithPendingPod("s1", false);

        TargetJob j = only(targets.jobs("east"));
        assertThat(j.suspended()).isFalse();
        assertThat(j.pod()).contains(PodPhase.PENDING);
        assertThat(j.unschedulable()).isTrue();
    }

    @Test
    @DisplayName("a Pending pod bound to a node (PodScheduled=True) is not unschedulable")
    void placed() {
        startingWithPendingPod("s1", true);

        assertThat(only(targets.jobs("east")).unschedulable()).isFalse();
    }

    @Test
    @DisplayName("a pass between full ones (unsettled Jobs only) does not read pods")
    void notBetweenFullPasses() {
        startingWithPendingPod("s1", false);

        assertThat(only(targets.unsettledJobs("east")).unschedulable()).isFalse();
    }
}
