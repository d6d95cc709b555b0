package dev.ferry.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.TargetClusters;
import dev.ferry.migrate.reconcile.TargetJob;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KubeTargets: the reconciler's Job operations on a fabric8 CRUD mock server")
class KubeTargetsTest {

    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;
    private KubeTargets targets;

    @BeforeEach
    void start() throws Exception {
        MOCK_LOG.setLevel(Level.WARNING);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
        KubeCluster east = new KubeCluster("east", client, "sessions");
        targets = new KubeTargets(new Federation(List.of(new Federation.Member(
                new TargetCluster("east", "zone-a", Resources.ofGiB(8000, 32, 0)), east))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    @DisplayName("created suspended with its intent; unsuspended with a guarded patch; a stale version conflicts")
    void lifecycle() {
        MigrationRecord intent = new MigrationRecord(7, MigrationState.STOPPING_SOURCE, 1000);
        targets.createSuspended("east", spec("s1", "ann", "data").withCheckpointGeneration(7), intent);
        targets.createSuspended("east", spec("s1", "ann", "data").withCheckpointGeneration(7), intent);

        TargetJob created = single();
        assertThat(created.suspended()).isTrue();
        assertThat(created.record()).contains(intent);
        assertThat(created.request()).isEqualTo(Resources.ofGiB(1000, 4, 0));
        assertThat(created.pod()).isEmpty();

        MigrationRecord starting = intent.withState(MigrationState.STARTING);
        assertThat(targets.patch("east", "s1", starting, false, created.resourceVersion()))
                .isEqualTo(TargetClusters.PatchResult.PATCHED);
        TargetJob started = single();
        assertThat(started.suspended()).isFalse();
        assertThat(started.state()).contains(MigrationState.STARTING);

        assertThat(targets.patch("east", "s1", starting.withState(MigrationState.VERIFYING), null,
                created.resourceVersion())).isEqualTo(TargetClusters.PatchResult.CONFLICT);

        targets.delete("east", "s1");
        assertThat(targets.jobs("east")).isEmpty();
        assertThat(targets.patch("east", "s1", starting, true, "1")).isEqualTo(TargetClusters.PatchResult.NOT_FOUND);
    }

    private TargetJob single() {
        List<TargetJob> jobs = targets.jobs("east");
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    private static SessionSpec spec(String id, String owner, String team) {
        return new SessionSpec(id, owner, team, SessionKind.JUPYTER, "jupyter:1", Resources.ofGiB(1000, 4, 0),
                "nfs.example", "/homes/" + owner, 0);
    }
}
