package dev.ferry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.control.Checkpoints;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.InMemorySessionStore;
import dev.ferry.api.control.SessionRecord;
import dev.ferry.api.control.SessionStore;
import dev.ferry.time.SystemClock;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Past the concurrency limit the server answers 429 with Retry-After at once instead of queueing, while the
 * requests it accepted, waiting for their commit, hold no thread and are answered once it comes.
 */
class OverloadTest {

    static final String ADMIN = "admin-token-0123456789";

    /** An in-memory store whose commits all wait until {@link #release}. */
    static final class HeldCommits implements SessionStore {
        final InMemorySessionStore memory = new InMemorySessionStore();
        final CompletableFuture<Void> released = new CompletableFuture<>();
        final CountDownLatch saves;

        HeldCommits(int expected) {
            saves = new CountDownLatch(expected);
        }

        void release() {
            released.complete(null);
        }

        @Override
        public Optional<SessionRecord> find(String id) {
            return memory.find(id);
        }

        @Override
        public Optional<String> checkpointText(String id) {
            return memory.checkpointText(id);
        }

        @Override
        public CompletionStage<Void> save(SessionRecord record, String text) {
            saves.countDown();
            return released.thenCompose(v -> memory.save(record, text));
        }

        @Override
        public int size() {
            return memory.size();
        }

        @Override
        public boolean paused() {
            return memory.paused();
        }

        @Override
        public CompletionStage<Void> setPaused(boolean paused) {
            return released.thenCompose(v -> memory.setPaused(paused));
        }
    }

    @Test
    @DisplayName("3 uploads waiting for their commit with 1 worker: a 4th request is 429, all 3 are answered 201 once"
            + " committed, and later requests go through")
    void answers429() throws Exception {
        HeldCommits store = new HeldCommits(3);
        try (ControlPlaneServer server = threeInFlight(store)) {
            ApiClient api = new ApiClient(server.port());
            List<CompletableFuture<HttpResponse<String>>> held = uploadThree(api, 1);
            // one worker verifies all three: none of them holds it while waiting for the disk
            assertThat(store.saves.await(30, TimeUnit.SECONDS)).as("all three uploads reached the store").isTrue();
            assertThat(held).noneMatch(CompletableFuture::isDone);

            HttpResponse<String> fourth = api.send("GET", "/v1/sessions/d", ADMIN, null);
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.headers().firstValue("Retry-After")).contains("1");
            assertThat(api.send("GET", "/healthz", null, null).statusCode()).isEqualTo(200);

            store.release();
            for (CompletableFuture<HttpResponse<String>> f : held) {
                HttpResponse<String> answer = f.get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(201);
                assertThat(answer.body()).isEqualTo("{\"generation\":1}");
            }
            assertThat(api.send("GET", "/v1/sessions/a", ADMIN, null).statusCode()).isEqualTo(200);
            assertThat(api.send("PUT", "/v1/sessions/d/checkpoint", ADMIN, Checkpoints.text(1, 1)).statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    @DisplayName("an upload refused 429 before its body is read leaves its keep-alive connection usable for the next"
            + " request")
    void refusedUploadKeepsConnection() throws Exception {
        HeldCommits store = new HeldCommits(3);
        try (ControlPlaneServer server = threeInFlight(store)) {
            ApiClient api = new ApiClient(server.port());
            List<CompletableFuture<HttpResponse<String>>> held = uploadThree(api, 300);
            assertThat(store.saves.await(30, TimeUnit.SECONDS)).isTrue();
            byte[] body = Checkpoints.text(1, 300).getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("PUT /v1/sessions/d/checkpoint HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 429");
                out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"ok\"}");
            }
            store.release();
            for (CompletableFuture<HttpResponse<String>> f : held) {
                assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            }
        }
    }

    /** One response read off a keep-alive connection: its head and as many body bytes as its Content-Length says. */
    private static String response(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("closed after " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** A server that holds at most 3 requests in flight, with one worker, over {@code store}. */
    private static ControlPlaneServer threeInFlight(HeldCommits store) throws Exception {
        Tokens tokens = Tokens.parse(List.of(ADMIN + " admin"), "tokens");
        return ControlPlaneServer.start(new ControlPlane(store, new SystemClock()), tokens, new SystemClock(),
                new ServerSettings("127.0.0.1", 0, 3, 1, 1));
    }

    /** Uploads to sessions a, b and c at once, each a checkpoint of {@code packages} packages. */
    private static List<CompletableFuture<HttpResponse<String>>> uploadThree(ApiClient api, int packages) {
        return List.of("a", "b", "c").stream()
                .map(s -> CompletableFuture.supplyAsync(() -> api.send("PUT", "/v1/sessions/" + s + "/checkpoint",
                        ADMIN, Checkpoints.text(1, packages)))).toList();
    }
}
