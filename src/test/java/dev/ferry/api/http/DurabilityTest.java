package dev.ferry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.control.Checkpoints;
import dev.ferry.testing.ServerProcess;
import dev.ferry.tracker.checkpoint.CheckpointException;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answered upload survives {@code kill -9} of the server: sixteen clients upload ever newer generations of their
 * sessions concurrently, the server is killed in the middle, restarted on the same data, and every generation that
 * was acknowledged with a 2xx is there (none lost, none gone back).
 */
class DurabilityTest {

    static final String ADMIN = "admin-token-0123456789";
    static final int CLIENTS = 16;

    @TempDir
    Path scratch;

    @Test
    @DisplayName("every acknowledged generation is there after kill -9 and a restart")
    void acknowledgedUploadsSurviveKill() throws Exception {
        Path data = scratch.resolve("data");
        Path tokens = Files.writeString(scratch.resolve("tokens"), ADMIN + " admin\n");
        ConcurrentHashMap<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        try (ServerProcess server = ServerProcess.start(scratch, data, tokens, "-Xmx256m")) {
            ApiClient api = new ApiClient(server.port());
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String session = "durable-" + c;
                Thread t = new Thread(() -> uploadUntilRefused(api, session, acknowledged, answered));
                t.start();
                clients.add(t);
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (answered.get() < 400 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            server.kill();
            for (Thread t : clients) {
                t.join(60_000);
            }
        }
        assertThat(answered.get()).as("uploads answered before the kill").isGreaterThanOrEqualTo(400);
        try (ServerProcess restarted = ServerProcess.start(scratch, data, tokens, "-Xmx256m")) {
            ApiClient api = new ApiClient(restarted.port());
            for (var e : acknowledged.entrySet()) {
                HttpResponse<String> r = api.send("GET", "/v1/sessions/" + e.getKey() + "/checkpoint", ADMIN, null);
                assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
                long stored = CheckpointFormat.decode(r.body(), e.getKey()).generation();
                assertThat(stored).as("%s: stored generation against the last acknowledged", e.getKey())
                        .isGreaterThanOrEqualTo(e.getValue());
                // stored may be one past the last acknowledged: committed, then killed before the answer went out
                assertThat(stored).as(e.getKey()).isLessThanOrEqualTo(e.getValue() + 1);
            }
            assertThat(restarted.terminate()).isZero();
        }
        assertThat(acknowledged).hasSize(CLIENTS);
    }

    /** Uploads generations 1, 2, 3, ... until the server stops answering, noting each one acknowledged. */
    private static void uploadUntilRefused(ApiClient api, String session, ConcurrentHashMap<String, Long> acked,
            AtomicInteger answered) {
        AtomicLong generation = new AtomicLong();
        while (true) {
            long g = generation.incrementAndGet();
            HttpResponse<String> r;
            try {
                r = api.send("PUT", "/v1/sessions/" + session + "/checkpoint", ADMIN, Checkpoints.text(g, g));
            } catch (UncheckedIOException e) {
                return;
            }
            if (r.statusCode() / 100 != 2) {
                throw new AssertionError(session + " generation " + g + ": " + r.statusCode() + " " + r.body());
            }
            Long before = acked.put(session, g);
            assertThat(before == null || before < g).isTrue();
            answered.incrementAndGet();
        }
    }

}
