package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.TrackerProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry track --control-plane} as processes: a tracker JVM whose control plane is down keeps checkpointing at
 * its normal pace, and once a {@code ferry serve} JVM listens on that port the newest generation arrives there.
 */
class TrackUploadsTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String SESSION_TOKEN = "session-token-0123456789";
    private static final String SESSION = "alice-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("control plane down: checkpoints land at normal speed; server up: the newest generation arrives")
    void uploadsWhenTheControlPlaneComesUp() throws Exception {
        int port = freePort();
        Path sp = FakeInstalls.sitePackages(tmp);
        Path ck = Files.createDirectories(tmp.resolve("home")).resolve("ck");
        Path token = Files.writeString(tmp.resolve("token"), SESSION_TOKEN + "\n");
        Path tokens = Files.writeString(tmp.resolve("tokens"), ADMIN + " admin\n" + SESSION_TOKEN + " session:"
                + SESSION + "\n");
        try (TrackerProcess track = TrackerProcess.start(tmp, "track", "--env", sp.toString(), "--checkpoint",
                ck.toString(), "--control-plane", "http://127.0.0.1:" + port, "--token-file", token.toString(),
                "--session-id", SESSION)) {
            track.awaitGeneration(1);
            track.awaitStderr("cannot reach control plane http://127.0.0.1:" + port);
            // 50 ms of settle time plus the watcher's and the disk's share; an upload waiting on the network
            // (connect timeout 5 s) would show here
            assertThat(slowestOfFiveInstalls(track, sp)).isLessThan(Duration.ofSeconds(2));
            assertThat(track.stderr().split("cannot reach control plane", -1)).as("said once").hasSize(2);

            try (TrackerProcess serve = TrackerProcess.start(tmp, "serve", "--listen", "127.0.0.1:" + port,
                    "--data", tmp.resolve("data").toString(), "--tokens", tokens.toString())) {
                serve.awaitStdout("listening");
                JsonNode session = awaitGeneration(port, 6);
                assertThat(session.path("install_in_progress").asBoolean()).isFalse();
                assertThat(session.path("written").asText()).isNotEmpty();
                HttpResponse<String> text = get(port, "/v1/sessions/" + SESSION + "/checkpoint");
                assertThat(text.statusCode()).isEqualTo(200);
                assertThat(text.body()).isEqualTo(Files.readString(ck));
                track.awaitStderr("reachable again");

                FakeInstalls.install(sp, "late", "2.0");
                track.awaitGeneration(7);
                assertThat(awaitGeneration(port, 7).path("generation").asLong()).isEqualTo(7);
            }
            assertThat(track.terminate()).isZero();
        }
    }

    @Test
    @DisplayName("a control plane that takes the connection and never answers does not slow checkpoints either")
    void hangingControlPlane() throws Exception {
        Path sp = FakeInstalls.sitePackages(tmp);
        Path ck = Files.createDirectories(tmp.resolve("home")).resolve("ck");
        Path token = Files.writeString(tmp.resolve("token"), SESSION_TOKEN);
        // the kernel completes connections into the backlog; nobody ever reads or answers them
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             TrackerProcess track = TrackerProcess.start(tmp, "track", "--env", sp.toString(), "--checkpoint",
                     ck.toString(), "--control-plane", "http://127.0.0.1:" + silent.getLocalPort(), "--token-file",
                     token.toString(), "--session-id", SESSION)) {
            track.awaitGeneration(1);
            assertThat(slowestOfFiveInstalls(track, sp)).isLessThan(Duration.ofSeconds(2));
            assertThat(track.terminate()).isZero();
        }
    }

    /** Installs pkg1..pkg5 one after another (generations 2..6) and returns the longest install-to-checkpoint time. */
    private static Duration slowestOfFiveInstalls(TrackerProcess track, Path sitePackages) throws Exception {
        long slowest = 0;
        for (int i = 1; i <= 5; i++) {
            long before = System.nanoTime();
            FakeInstalls.install(sitePackages, "pkg" + i, "1.0");
            track.awaitGeneration(1 + i);
            slowest = Math.max(slowest, System.nanoTime() - before);
        }
        return Duration.ofNanos(slowest);
    }

    /** Polls {@code GET /v1/sessions/{id}} until it shows {@code generation}; fails after 90 s. */
    private JsonNode awaitGeneration(int port, long generation) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(port, "/v1/sessions/" + SESSION);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonNode session = JSON.readTree(r.body());
                if (session.path("generation").asLong() >= generation) {
                    return session;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the control plane never showed generation " + generation + "; last answer: " + last);
    }
}
