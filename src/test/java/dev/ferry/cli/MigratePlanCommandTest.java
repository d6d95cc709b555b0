package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.cluster.kube.KubeCluster;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.testing.FerryCli;
import dev.ferry.testing.MockClusters;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry migrate plan} against two mock clusters (CRUD mode, 127.0.0.1) reached through a kubeconfig with
 * one context each. The sessions are {@link PlanFiles#SESSIONS}: only s-idle may start migrating, to k8s-b (its
 * zone); s-done's Job on k8s-a records a finished migration.
 */
@DisplayName("ferry migrate plan: what the scheduler would do, nothing done")
class MigratePlanCommandTest {

    private static final String NS = "ferry-sessions";

    @TempDir
    Path dir;

    private KubernetesMockServer a;
    private KubernetesMockServer b;
    private Path kubeconfig;
    private Path clusters;
    private Path sessions;

    @BeforeEach
    void clusters() throws Exception {
        a = MockClusters.crud();
        b = MockClusters.crud();
        try (NamespacedKubernetesClient client = MockClusters.client(a)) {
            SessionSpec done = new SessionSpec("s-done", "dave", "nlp", SessionKind.JUPYTER,
                    "registry.example/jupyter:2026.11", Resources.ofGiB(1000, 2, 0), "nfs.example", "/homes/dave", 3);
            new KubeCluster("k8s-a", client, NS).createSessionJob(
                    SessionJobs.job(done, MigrationState.DONE, Instant.parse("2026-11-29T11:00:00Z").toEpochMilli()));
        }
        drain(a);
        drain(b);
        kubeconfig = PlanFiles.kubeconfig(dir, PlanFiles.contexts("k8s-a", PlanFiles.url(a), "k8s-b",
                PlanFiles.url(b)));
        clusters = PlanFiles.write(dir, "clusters.yaml", PlanFiles.CLUSTERS);
        sessions = PlanFiles.write(dir, "sessions.yaml", PlanFiles.SESSIONS);
    }

    @AfterEach
    void stop() {
        a.destroy();
        b.destroy();
    }

    private FerryCli.Run plan(String... extra) {
        List<String> args = new ArrayList<>(List.of("migrate", "plan", "--kubeconfig", kubeconfig.toString(),
                "--clusters", clusters.toString(), "--sessions", sessions.toString(), "--now", PlanFiles.NOW));
        args.addAll(List.of(extra));
        return FerryCli.run(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("the idle session with a fresh checkpoint gets a suspended Job in its zone, then its source stops")
    void table() throws Exception {
        FerryCli.Run run = plan();

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> actions = run.out().lines().filter(l -> l.matches("\\d+ .*")).toList();
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0)).matches("1\\s+CreateSuspendedJob\\s+s-idle\\s+k8s-b\\s+Job session-s-idle "
                + "suspended, checkpoint generation 4, 2 cpu 8 GiB, jupyter registry.example/jupyter:2026.11");
        assertThat(actions.get(1)).matches("2\\s+StopSource\\s+s-idle\\s+peloton\\s+kill job s-idle");
        assertThat(run.out())
                .contains("Migration plan at 2026-11-30T18:00:00Z (nothing was changed)")
                .contains("Sessions observed: 4")
                .contains("Peloton task state: KILLED 1, RUNNING 3")
                .contains("migration state:    done 1, no-job 3")
                .contains("Would start migrating now: 1 (s-idle -> k8s-b)")
                .contains("Held back: 2 (checkpoint-barrier 1, not-idle 1)")
                .containsPattern("\\n  s-active\\s+not-idle\\s+its user was active at 2026-11-30T17:55:00Z; idle"
                        + " from 2026-11-30T18:25:00Z\\n")
                .containsPattern("\\n  s-busy\\s+checkpoint-barrier\\s+a package install is in progress\\n")
                .contains("Budgets: 0 of at most 100 in flight (k8s-a 0/40, k8s-b 0/40), at most 25% of a team;"
                        + " windows: any time")
                .contains("Next wake-up: 2026-11-30T18:00:30Z (in 30 s)");
        assertOnlyReads(a);
        assertOnlyReads(b);
        // the plan names StopSource but never executes it: the export refuses stops (ExportedPelotonTest), and
        // the command succeeded
    }

    @Test
    @DisplayName("--json gives the same plan as one document")
    void json() throws Exception {
        FerryCli.Run run = plan("--json");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("changed").asBoolean()).isFalse();
        assertThat(root.get("actions")).hasSize(2);
        assertThat(root.get("actions").get(0).get("action").asText()).isEqualTo("CreateSuspendedJob");
        assertThat(root.get("actions").get(0).get("session").asText()).isEqualTo("s-idle");
        assertThat(root.get("actions").get(0).get("cluster").asText()).isEqualTo("k8s-b");
        assertThat(root.get("actions").get(1).get("action").asText()).isEqualTo("StopSource");
        assertThat(root.get("starting_now").get(0).get("cluster").asText()).isEqualTo("k8s-b");
        assertThat(root.get("sessions").get("migration_state").get("done").asInt()).isEqualTo(1);
        assertThat(root.get("next_wakeup").asText()).isEqualTo("2026-11-30T18:00:30Z");
        assertThat(root.get("held")).hasSize(2);
        assertThat(root.get("held").get(0).get("session").asText()).isEqualTo("s-active");
        assertThat(root.get("held").get(0).get("reason").asText()).isEqualTo("not-idle");
        assertThat(root.get("held").get(0).get("idle_from").asText()).isEqualTo("2026-11-30T18:25:00Z");
        assertThat(root.get("held").get(1).get("reason").asText()).isEqualTo("checkpoint-barrier");
        assertThat(root.get("held").get(1).get("barrier").asText()).isEqualTo("install-in-progress");
        assertOnlyReads(a);
        assertOnlyReads(b);
    }

    @Test
    @DisplayName("past the deadline the active session moves too, and a closed window holds everyone")
    void deadlineAndWindow() {
        // s-idle and s-active are both of team geo: with the default share (25% of 2, at least 1) one would wait
        FerryCli.Run forced = plan("--deadline", "2026-11-30T17:00:00Z", "--max-team-share", "1");
        assertThat(forced.exitCode()).as(forced.transcript()).isZero();
        assertThat(forced.out()).contains("Would start migrating now: 2 (s-idle -> k8s-b, s-active -> k8s-a)")
                .contains("deadline 2026-11-30T17:00:00Z (notice 24 h before)");

        // 18:00 UTC on a Monday is outside a weekend-only window
        FerryCli.Run closed = plan("--window", "* * * * 0,6");
        assertThat(closed.exitCode()).as(closed.transcript()).isZero();
        assertThat(closed.out()).contains("No actions.").contains("Would start migrating now: 0")
                .contains("windows: '* * * * 0,6' (closed now; opens 2026-12-05T00:00:00Z)")
                .contains("Next wake-up: 2026-11-30T18:00:30Z")
                .containsPattern("\\n  s-idle\\s+outside-window\\s+outside the migration windows; the next opens at"
                        + " 2026-12-05T00:00:00Z\\n");
    }

    /** Every request since the last drain was a read (GET: list or get), and there was at least one. */
    private static void assertOnlyReads(KubernetesMockServer server) throws InterruptedException {
        List<String> requests = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(100, TimeUnit.MILLISECONDS); r != null;
                r = server.takeRequest(100, TimeUnit.MILLISECONDS)) {
            requests.add(r.getMethod() + " " + r.getPath());
        }
        assertThat(requests).isNotEmpty().allMatch(r -> r.startsWith("GET "), "is a GET");
    }

    private static void drain(KubernetesMockServer server) throws InterruptedException {
        while (server.takeRequest(100, TimeUnit.MILLISECONDS) != null) {
            // setup requests are not the command's
        }
    }
}
