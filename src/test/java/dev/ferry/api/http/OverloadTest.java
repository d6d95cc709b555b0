package dev.ferry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.control.Checkpoints;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.InMemorySessionStore;
import dev.ferry.api.control.SessionRecord;
import dev.ferry.time.SystemClock;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Past the concurrency limit the server answers 429 with Retry-After at once instead of queueing. */
class OverloadTest {

    static final String ADMIN = "admin-token-0123456789";


    @Test
    @DisplayName("with 2 requests held in flight, a third is answered 429 with Retry-After, and later ones go through")
    void answers429() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(2);
        InMemorySessionStore memory = new InMemorySessionStore();
        dev.ferry.api.control.SessionStore gated = new dev.ferry.api.control.SessionStore() {
            public java.util.Optional<SessionRecord> find(String id) {
                return memory.find(id);
            }

            public java.util.Optional<String> checkpointText(String id) {
                return memory.checkpointText(id);
            }

            public void save(SessionRecord record, String text) {
                entered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                memory.save(record, text);
            }

            public int size() {
                return memory.size();
            }

            public boolean paused() {
                return memory.paused();
            }

            public void setPaused(boolean paused) {
                memory.setPaused(paused);
            }
        };
        Tokens tokens = Tokens.parse(List.of(ADMIN + " admin"), "tokens");
        try (ControlPlaneServer server = ControlPlaneServer.start(new ControlPlane(gated, new SystemClock()), tokens,
                new SystemClock(), new ServerSettings("127.0.0.1", 0, 2, 4, 1))) {
            ApiClient api = new ApiClient(server.port());
            List<CompletableFuture<HttpResponse<String>>> held = List.of("a", "b").stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> api.send("PUT", "/v1/sessions/" + s + "/checkpoint",
                            ADMIN, Checkpoints.text(1, 1)))).toList();
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> third = api.send("GET", "/v1/sessions/c", ADMIN, null);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).contains("1");
            assertThat(api.send("GET", "/healthz", null, null).statusCode()).isEqualTo(200);
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> f : held) {
                assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            }
            assertThat(api.send("GET", "/v1/sessions/a", ADMIN, null).statusCode()).isEqualTo(200);
        }
    }
}
