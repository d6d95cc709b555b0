package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.InMemorySessionStore;
import dev.ferry.api.http.ControlPlaneServer;
import dev.ferry.api.http.ServerSettings;
import dev.ferry.api.http.Tokens;
import dev.ferry.testing.TrackerProcess;
import dev.ferry.time.SystemClock;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry track --activity-from} against a real Jupyter Server (Debian's python3-jupyter-server, run by
 * {@code /usr/bin/python3 -m jupyter_server}; missing, the test fails and says what to install) and a control plane
 * in this JVM: the user's last activity, as the server's {@code /api/status} reports it, reaches the control plane,
 * and moves there when the user does something.
 */
class TrackJupyterActivityTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String SESSION_TOKEN = "session-token-0123456789";
    private static final String JUPYTER_TOKEN = "jupyter-token-0123456789abcdef";
    private static final String SESSION = "alice-1";
    private static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Process jupyter;
    private int jupyterPort;
    private ControlPlaneServer server;

    @BeforeEach
    void start() throws Exception {
        Path tokens = Files.writeString(tmp.resolve("tokens"), ADMIN + " admin\n" + SESSION_TOKEN + " session:"
                + SESSION + "\n");
        server = ControlPlaneServer.start(new ControlPlane(new InMemorySessionStore(), new SystemClock()),
                Tokens.read(tokens), new SystemClock(), new ServerSettings("127.0.0.1", 0, 64, 4, 1));
        jupyterPort = freePort();
        Path root = Files.createDirectories(tmp.resolve("notebooks"));
        ProcessBuilder pb = new ProcessBuilder(List.of(PYTHON, "-m", "jupyter_server", "--allow-root", "--no-browser",
                "--ServerApp.ip=127.0.0.1", "--ServerApp.port=" + jupyterPort, "--ServerApp.port_retries=0",
                "--ServerApp.token=" + JUPYTER_TOKEN, "--ServerApp.root_dir=" + root))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("jupyter.log").toFile());
        // its runtime, config and data folders in the test's own folder, not the user's home
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_RUNTIME_DIR", tmp.resolve("jupyter/runtime").toString());
        env.put("JUPYTER_CONFIG_DIR", tmp.resolve("jupyter/config").toString());
        env.put("JUPYTER_DATA_DIR", tmp.resolve("jupyter/data").toString());
        env.put("JUPYTER_NO_CONFIG", "1");
        jupyter = pb.start();
        awaitJupyter();
    }

    @AfterEach
    void stop() throws Exception {
        if (jupyter != null) {
            jupyter.destroy();
            if (!jupyter.waitFor(30, TimeUnit.SECONDS)) {
                jupyter.destroyForcibly().waitFor();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> jupyterGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jupyterPort + path))
                .header("Authorization", "token " + JUPYTER_TOKEN).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitJupyter() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!jupyter.isAlive()) {
                throw new AssertionError(PYTHON + " -m jupyter_server ended with " + jupyter.exitValue() + " (install"
                        + " Debian's python3-jupyter-server: apt-get install python3-jupyter-server); its output: "
                        + Files.readString(tmp.resolve("jupyter.log")));
            }
            try {
                if (jupyterGet("/api/status").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the Jupyter Server did not answer /api/status within 90 s; its output: "
                + Files.readString(tmp.resolve("jupyter.log")));
    }

    /** Its last activity, to the millisecond the control plane keeps. */
    private Instant jupyterActivity() throws Exception {
        HttpResponse<String> status = jupyterGet("/api/status");
        assertThat(status.statusCode()).isEqualTo(200);
        return OffsetDateTime.parse(JSON.readTree(status.body()).path("last_activity").asText()).toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private void awaitControlPlaneActivity(Instant expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/v1/sessions/" + SESSION)).header("Authorization", "Bearer " + ADMIN)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonNode s = JSON.readTree(r.body());
                if (s.hasNonNull("last_activity") && Instant.parse(s.path("last_activity").asText()).equals(expected)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the control plane never showed last_activity " + expected + "; last answer: " + last);
    }

    @Test
    @DisplayName("the Jupyter Server's last_activity reaches the control plane, and moves there when the user acts")
    void forwardsActivity() throws Exception {
        Path sp = FakeInstalls.sitePackages(tmp);
        Path ck = Files.createDirectories(tmp.resolve("home")).resolve("ck");
        Path token = Files.writeString(tmp.resolve("token"), SESSION_TOKEN + "\n");
        Path jupyterToken = Files.writeString(tmp.resolve("jupyter-token"), JUPYTER_TOKEN + "\n");
        try (TrackerProcess track = TrackerProcess.start(tmp, "track", "--env", sp.toString(), "--checkpoint",
                ck.toString(), "--control-plane", "http://127.0.0.1:" + server.port(), "--token-file",
                token.toString(), "--session-id", SESSION, "--activity-from", "http://127.0.0.1:" + jupyterPort + "/",
                "--jupyter-token-file", jupyterToken.toString(), "--activity-every", "300ms")) {
            track.awaitGeneration(1);
            Instant started = jupyterActivity();
            awaitControlPlaneActivity(started);

            Thread.sleep(50);
            assertThat(jupyterGet("/api/contents").statusCode()).as("the user opens the file browser").isEqualTo(200);
            Instant acted = jupyterActivity();
            assertThat(acted).isAfter(started);
            awaitControlPlaneActivity(acted);

            assertThat(track.terminate()).as(track.stderr()).isZero();
            assertThat(track.stderr()).doesNotContain("cannot read activity", "cannot forward activity");
        }
    }
}
