package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.api.control.Checkpoints;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.Durable;
import dev.ferry.api.control.InMemorySessionStore;
import dev.ferry.api.control.LeaseHolder;
import dev.ferry.api.control.SessionLeases;
import dev.ferry.api.http.ControlPlaneServer;
import dev.ferry.api.http.ServerSettings;
import dev.ferry.api.http.Tokens;
import dev.ferry.testing.FerryCli;
import dev.ferry.testing.MockClusters;
import dev.ferry.time.SystemClock;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry migrate plan --control-plane}: the checkpoint signals come from a running control plane (the real
 * HTTP server on an in-memory store), not from the export's checkpoint entries. The export
 * ({@link PlanFiles#SESSIONS}) alone would start s-idle with generation 4.
 */
class MigratePlanControlPlaneTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String SESSION_TOKEN = "idle-token-0123456789";

    @TempDir
    Path dir;

    private KubernetesMockServer a;
    private KubernetesMockServer b;
    private ControlPlane plane;
    private ControlPlaneServer server;
    private SessionLeases leases;
    private Path kubeconfig;
    private Path clusters;
    private Path sessions;

    @BeforeEach
    void start() throws Exception {
        a = MockClusters.crud();
        b = MockClusters.crud();
        kubeconfig = PlanFiles.kubeconfig(dir, PlanFiles.contexts("k8s-a", PlanFiles.url(a), "k8s-b",
                PlanFiles.url(b)));
        clusters = PlanFiles.write(dir, "clusters.yaml", PlanFiles.CLUSTERS);
        sessions = PlanFiles.write(dir, "sessions.yaml", PlanFiles.SESSIONS);
        plane = new ControlPlane(new InMemorySessionStore(), new SystemClock());
        Path tokens = Files.writeString(dir.resolve("tokens"), ADMIN + " admin\n" + SESSION_TOKEN + " session:s-idle\n");
        leases = new SessionLeases(new SystemClock(), SessionLeases.STANDARD_TTL_MILLIS);
        server = ControlPlaneServer.start(plane, leases, Tokens.read(tokens), new SystemClock(),
                new ServerSettings("127.0.0.1", 0, 64, 4, 1));
    }

    @AfterEach
    void stop() {
        server.close();
        a.destroy();
        b.destroy();
    }

    private FerryCli.Run plan(String url, String token, String... extra) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
        List<String> args = new ArrayList<>(List.of("migrate", "plan", "--kubeconfig", kubeconfig.toString(),
                "--clusters", clusters.toString(), "--sessions", sessions.toString(), "--now", PlanFiles.NOW,
                "--control-plane", url, "--token-file", tokenFile.toString()));
        args.addAll(List.of(extra));
        return FerryCli.run(args.toArray(String[]::new));
    }

    private String url() {
        return "http://127.0.0.1:" + server.port();
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    @DisplayName("the control plane's generation is the one the plan migrates with")
    void generationFromTheControlPlane() throws Exception {
        Durable.answer(plane.upload("s-idle", Checkpoints.text(7, at("2026-11-30T16:01:00Z"))));

        FerryCli.Run run = plan(url(), ADMIN);

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).contains("Would start migrating now: 1 (s-idle -> k8s-b)")
                .contains("Job session-s-idle suspended, checkpoint generation 7,");
    }

    @Test
    @DisplayName("an install the control plane reports holds the session back, whatever the export says")
    void installFromTheControlPlane() throws Exception {
        Durable.answer(plane.upload("s-idle", Checkpoints.text(7, at("2026-11-30T16:01:00Z"))));
        Durable.answer(plane.install("s-idle", true));

        FerryCli.Run run = plan(url(), ADMIN);

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).contains("Would start migrating now: 0").doesNotContain("CreateSuspendedJob");
    }

    @Test
    @DisplayName("the sessions' leases are read too: the table counts them by state and place, --json lists each")
    void leasesFromTheControlPlane() throws Exception {
        leases.renew("s-idle", new LeaseHolder("source", "run-1"));
        LeaseHolder gone = new LeaseHolder("source", "run-3");
        leases.renew("s-busy", gone);
        leases.release("s-busy", gone);

        FerryCli.Run table = plan(url(), ADMIN);
        assertThat(table.exitCode()).as(table.transcript()).isZero();
        assertThat(table.out()).contains("  lease:              held-on source 1, none 2, released-by source 1\n");

        FerryCli.Run json = plan(url(), ADMIN, "--json");
        assertThat(json.exitCode()).as(json.transcript()).isZero();
        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(plan.path("sessions").path("lease").path("held-on source").asInt()).isEqualTo(1);
        JsonNode idle = null;
        for (JsonNode l : plan.path("leases")) {
            idle = l.path("session").asText().equals("s-idle") ? l : idle;
        }
        assertThat(idle).as(json.out()).isNotNull();
        assertThat(idle.path("place").asText()).isEqualTo("source");
        assertThat(idle.path("state").asText()).isEqualTo("held-on");
        assertThat(Instant.parse(idle.path("safe_after").asText()))
                .isEqualTo(Instant.parse(idle.path("expires_at").asText()).plusSeconds(60));
        assertThat(plan.path("leases")).hasSize(2);
    }

    @Test
    @DisplayName("a control plane that is down: one line, exit 1")
    void down() throws Exception {
        String url;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            url = "http://127.0.0.1:" + free.getLocalPort(); // closed again before the plan runs: nothing listens
        }

        FerryCli.Run run = plan(url, ADMIN);

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.err()).startsWith("ferry: control plane " + url + ": reading session ")
                .contains("failed without an answer").contains("check that the control plane is up");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("a token that may not read every session: one line, exit 2")
    void notAdmin() throws Exception {
        FerryCli.Run run = plan(url(), SESSION_TOKEN);

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(run.err()).contains("answered HTTP 403").contains("--token-file must hold an admin token");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }
}
