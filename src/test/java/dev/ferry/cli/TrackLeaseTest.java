package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.ServerProcess;
import dev.ferry.testing.TrackerProcess;
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
 * {@code ferry track --place P --instance I} against a real {@code ferry serve}, both as processes: the instance
 * holds the session's lease before it touches the home, renews it, fences itself (exit 4) within the TTL once the
 * control plane is gone, and gives the lease back when stopped cleanly.
 */
class TrackLeaseTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String SESSION_TOKEN = "session-token-0123456789";
    private static final String SESSION = "alice-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TTL = Duration.ofSeconds(4);

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> lease(int port, String method, String holderJson) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/sessions/"
                + SESSION + "/lease")).header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofSeconds(30));
        b = holderJson == null ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(holderJson));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private ServerProcess serve(String... extra) throws Exception {
        Path tokens = Files.writeString(tmp.resolve("tokens"), ADMIN + " admin\n" + SESSION_TOKEN + " session:"
                + SESSION + "\n");
        return ServerProcess.start(tmp, tmp.resolve("data"), tokens, "-Xmx256m", extra);
    }

    private TrackerProcess track(int port, Path sitePackages, Path checkpoint, Path ready) throws Exception {
        Path token = Files.writeString(tmp.resolve("token"), SESSION_TOKEN + "\n");
        return TrackerProcess.start(tmp, "track", "--env", sitePackages.toString(), "--checkpoint",
                checkpoint.toString(), "--control-plane", "http://127.0.0.1:" + port, "--token-file", token.toString(),
                "--session-id", SESSION, "--place", "k8s-a", "--instance", "alice-1-pod-x7", "--ready-file",
                ready.toString(), "--lease-renew-every", "1s", "--lease-retry-every", "200ms");
    }

    /** The ready file is written just after the first checkpoint line. */
    private static void awaitReady(Path ready, TrackerProcess track) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(ready)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ready file within 30 s of the first checkpoint; stderr: "
                        + track.stderr());
            }
            Thread.sleep(50);
        }
        assertThat(Files.readString(ready)).isEqualTo("ready\n");
    }

    @Test
    @DisplayName("waits while another instance holds the lease, starts once it holds it, renews it; control plane"
            + " killed: fenced within the TTL, exit 4, not ready any more")
    void leaseLifecycle() throws Exception {
        Path sp = FakeInstalls.sitePackages(tmp);
        Path ck = Files.createDirectories(tmp.resolve("home")).resolve("ck");
        Path ready = tmp.resolve("ready");
        String source = "{\"place\": \"source\", \"instance\": \"run-1\"}";
        try (ServerProcess server = serve("--lease-ttl", TTL.toSeconds() + "s")) {
            assertThat(lease(server.port(), "PUT", source).statusCode()).isEqualTo(200);
            try (TrackerProcess track = track(server.port(), sp, ck, ready)) {
                // the source keeps renewing, well within the 4 s TTL, while the new instance waits
                String waiting = "the session's lease is not held by this instance (k8s-a/alice-1-pod-x7) yet: an"
                        + " instance on source holds it; asking again";
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                int renewalsSinceSaid = 0;
                while (renewalsSinceSaid < 4) {
                    assertThat(System.nanoTime()).as("stderr never said it waits: %s", track.stderr())
                            .isLessThan(deadline);
                    assertThat(lease(server.port(), "PUT", source).statusCode()).isEqualTo(200);
                    renewalsSinceSaid += track.stderr().contains(waiting) ? 1 : 0;
                    Thread.sleep(500);
                }
                assertThat(ck).as("nothing written on the home without the lease; stderr: %s", track.stderr()).doesNotExist();
                assertThat(ready).doesNotExist();

                assertThat(lease(server.port(), "DELETE", source).statusCode()).isEqualTo(200);
                track.awaitGeneration(1);
                awaitReady(ready, track);
                JsonNode first = JSON.readTree(lease(server.port(), "GET", null).body());
                assertThat(first.path("place").asText()).isEqualTo("k8s-a");
                assertThat(first.path("expires_at_ms").asLong() - first.path("acquired_at_ms").asLong())
                        .isBetween(TTL.toMillis(), TTL.toMillis() + 2_000);
                Thread.sleep(2_500);
                JsonNode later = JSON.readTree(lease(server.port(), "GET", null).body());
                assertThat(later.path("expires_at_ms").asLong()).as("renewed")
                        .isGreaterThan(first.path("expires_at_ms").asLong());
                assertThat(later.path("acquired_at_ms").asLong()).isEqualTo(first.path("acquired_at_ms").asLong());

                long killed = System.nanoTime();
                server.kill();
                int status = track.awaitExit();
                Duration fencedAfter = Duration.ofNanos(System.nanoTime() - killed);
                assertThat(status).as(track.stderr()).isEqualTo(TrackCommand.FENCED);
                // the last granted renewal went at most 1 s before the kill: the fence comes 3 to 4 s after it,
                // plus the process's exit
                assertThat(fencedAfter).isBetween(Duration.ofMillis(2_500), TTL.plusSeconds(3));
                assertThat(track.stderr()).contains("fenced: the session's lease could not be renewed within its"
                        + " TTL").doesNotContain("\tat ");
                assertThat(ready).as("a fenced instance is not ready").doesNotExist();
            }
        }
    }

    @Test
    @DisplayName("stopped cleanly: exit 0, the lease given back, the ready file removed")
    void cleanStopGivesTheLeaseBack() throws Exception {
        Path sp = FakeInstalls.sitePackages(tmp);
        Path ck = Files.createDirectories(tmp.resolve("home")).resolve("ck");
        Path ready = tmp.resolve("ready");
        try (ServerProcess server = serve()) {
            try (TrackerProcess track = track(server.port(), sp, ck, ready)) {
                track.awaitGeneration(1);
                awaitReady(ready, track);
                JsonNode held = JSON.readTree(lease(server.port(), "GET", null).body());
                assertThat(held.path("released").asBoolean()).isFalse();
                assertThat(held.path("expires_at_ms").asLong() - held.path("acquired_at_ms").asLong())
                        .as("the default TTL, 5 min").isBetween(300_000L, 302_000L);
                assertThat(track.terminate()).as(track.stderr()).isZero();
            }
            JsonNode after = JSON.readTree(lease(server.port(), "GET", null).body());
            assertThat(after.path("released").asBoolean()).isTrue();
            assertThat(ready).doesNotExist();
        }
    }
}
