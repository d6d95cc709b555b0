package dev.ferry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.control.Checkpoints;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.store.SqliteSessionStore;
import dev.ferry.time.SystemClock;
import dev.ferry.tracker.checkpoint.CheckpointText;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract, every status code, through a real client against the real server and store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlPlaneApiTest {

    static final String ADMIN = "admin-token-0123456789";
    static final String ALICE = "alice-token-0123456789";
    static final String BOB = "bob-token-01234567890";
    static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

    @TempDir
    static Path data;
    SqliteSessionStore store;
    ControlPlane plane;
    ControlPlaneServer server;
    ApiClient api;

    @BeforeAll
    void start() throws Exception {
        store = SqliteSessionStore.open(data);
        Tokens tokens = Tokens.parse(List.of("# test tokens", ADMIN + " admin", ALICE + " session:alice",
                BOB + " session:bob"), "tokens");
        plane = new ControlPlane(store, new SystemClock());
        server = ControlPlaneServer.start(plane, tokens, new SystemClock(),
                new ServerSettings("127.0.0.1", 0, 64, 8, 1));
        api = new ApiClient(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        store.close();
    }

    static JsonObject json(HttpResponse<String> r) {
        return new JsonObject(r.body());
    }

    @Nested
    @DisplayName("PUT /v1/sessions/{id}/checkpoint")
    class Upload {

        @Test
        @DisplayName("answers 201 the first time, 200 for a newer generation, 409 with the stored one for an older")
        void generations() {
            HttpResponse<String> first = api.send("PUT", "/v1/sessions/up1/checkpoint", ADMIN, Checkpoints.text(2, T0));
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(json(first).getLong("generation")).isEqualTo(2);
            HttpResponse<String> newer = api.send("PUT", "/v1/sessions/up1/checkpoint", ADMIN, Checkpoints.text(3, T0));
            assertThat(newer.statusCode()).isEqualTo(200);
            assertThat(json(newer).getLong("generation")).isEqualTo(3);
            HttpResponse<String> older = api.send("PUT", "/v1/sessions/up1/checkpoint", ADMIN, Checkpoints.text(1, T0));
            assertThat(older.statusCode()).isEqualTo(409);
            assertThat(json(older).getLong("generation")).isEqualTo(3);
        }

        @Test
        @DisplayName("answers 200 to the very checkpoint sent again (a retry), 409 to other content of that generation")
        void resend() {
            api.send("PUT", "/v1/sessions/up2/checkpoint", ADMIN, Checkpoints.text(4, T0));
            assertThat(api.send("PUT", "/v1/sessions/up2/checkpoint", ADMIN, Checkpoints.text(4, T0)).statusCode())
                    .isEqualTo(200);
            assertThat(api.send("PUT", "/v1/sessions/up2/checkpoint", ADMIN, Checkpoints.text(4, T0, "9.9"))
                    .statusCode()).isEqualTo(409);
        }

        @Test
        @DisplayName("answers 400 to a damaged or malformed checkpoint, saying why")
        void damaged() {
            String damaged = Checkpoints.text(1, T0).replace("numpy 2.4.6", "numpy 2.4.7");
            HttpResponse<String> r = api.send("PUT", "/v1/sessions/up3/checkpoint", ADMIN, damaged);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(json(r).getString("error")).contains("session up3");
            assertThat(api.send("PUT", "/v1/sessions/up3/checkpoint", ADMIN, "not a checkpoint").statusCode())
                    .isEqualTo(400);
            assertThat(api.send("GET", "/v1/sessions/up3/checkpoint", ADMIN, null).statusCode()).isEqualTo(404);
        }

        @Test
        @DisplayName("answers 413 to a body over the tracker's 16 MiB limit")
        void tooLarge() {
            String huge = "x".repeat((int) CheckpointText.MAX_BYTES + 1);
            assertThat(api.send("PUT", "/v1/sessions/up4/checkpoint", ADMIN, huge).statusCode()).isEqualTo(413);
        }

        @Test
        @DisplayName("GET gives back the stored text exactly, 404 when none")
        void download() {
            String text = Checkpoints.text(7, T0);
            api.send("PUT", "/v1/sessions/alice/checkpoint", ALICE, text);
            HttpResponse<String> r = api.send("GET", "/v1/sessions/alice/checkpoint", ALICE, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(text);
            assertThat(api.send("GET", "/v1/sessions/never/checkpoint", ADMIN, null).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("a session's reports")
    class Reports {

        @Test
        @DisplayName("GET /v1/sessions/{id} shows generation, written time, install and last activity; 404 if unknown")
        void read() {
            api.send("PUT", "/v1/sessions/rep1/checkpoint", ADMIN, Checkpoints.text(5, T0));
            api.send("PUT", "/v1/sessions/rep1/install", ADMIN, null);
            api.send("POST", "/v1/sessions/rep1/activity", ADMIN, "{\"last_activity\": \"2026-12-01T10:05:00.123456Z\"}");
            JsonObject s = json(api.send("GET", "/v1/sessions/rep1", ADMIN, null));
            assertThat(s.getLong("generation")).isEqualTo(5);
            assertThat(s.getString("written")).isEqualTo("2026-12-01T10:00:00Z");
            assertThat(s.getBoolean("install_in_progress")).isTrue();
            assertThat(s.getString("last_activity")).isEqualTo("2026-12-01T10:05:00.123Z");
            assertThat(api.send("DELETE", "/v1/sessions/rep1/install", ADMIN, null).statusCode()).isEqualTo(200);
            assertThat(json(api.send("GET", "/v1/sessions/rep1", ADMIN, null)).getBoolean("install_in_progress"))
                    .isFalse();
            assertThat(api.send("GET", "/v1/sessions/nobody", ADMIN, null).statusCode()).isEqualTo(404);
        }

        @Test
        @DisplayName("activity never moves back, is refused 400 more than 59 min ahead or malformed")
        void activity() {
            api.send("POST", "/v1/sessions/act1/activity", ADMIN, "{\"last_activity\": \"2026-12-01T10:05:00Z\"}");
            HttpResponse<String> older = api.send("POST", "/v1/sessions/act1/activity", ADMIN,
                    "{\"last_activity\": \"2026-12-01T09:00:00+00:00\"}");
            assertThat(older.statusCode()).isEqualTo(200);
            assertThat(json(older).getString("last_activity")).isEqualTo("2026-12-01T10:05:00Z");
            String future = Instant.now().plusSeconds(60 * 60).toString();
            assertThat(api.send("POST", "/v1/sessions/act1/activity", ADMIN, "{\"last_activity\": \"" + future + "\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(api.send("POST", "/v1/sessions/act1/activity", ADMIN, "{\"last_activity\": 5}").statusCode())
                    .isEqualTo(400);
            assertThat(api.send("POST", "/v1/sessions/act1/activity", ADMIN, "{").statusCode()).isEqualTo(400);
        }

        @Test
        @DisplayName("PUT /v1/sessions/{id}/restored records the generation a new container restored")
        void restored() {
            assertThat(api.send("PUT", "/v1/sessions/res1/restored", ADMIN, "{\"generation\": 3}").statusCode())
                    .isEqualTo(200);
            assertThat(json(api.send("GET", "/v1/sessions/res1", ADMIN, null)).getLong("restored_generation"))
                    .isEqualTo(3);
            assertThat(api.send("PUT", "/v1/sessions/res1/restored", ADMIN, "{\"generation\": -1}").statusCode())
                    .isEqualTo(400);
        }

        @Test
        @DisplayName("DELETE /v1/sessions/{id}/restored forgets it: the container went down or its restore failed")
        void forgetRestored() {
            api.send("PUT", "/v1/sessions/res2/restored", ADMIN, "{\"generation\": 4}");
            var answer = api.send("DELETE", "/v1/sessions/res2/restored", ADMIN, null);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(json(answer).containsKey("restored_generation")).isTrue();
            assertThat(json(api.send("GET", "/v1/sessions/res2", ADMIN, null)).getValue("restored_generation"))
                    .isNull();
            assertThat(api.send("DELETE", "/v1/sessions/res2/restored", ADMIN, null).statusCode()).isEqualTo(200);
            assertThat(api.send("DELETE", "/v1/sessions/bob/restored", ALICE, null).statusCode()).isEqualTo(403);
        }
    }

    @Nested
    @DisplayName("authorisation")
    class Auth {

        @Test
        @DisplayName("no token or an unknown one is 401 on every route but /healthz")
        void unauthorized() {
            assertThat(api.send("GET", "/healthz", null, null).statusCode()).isEqualTo(200);
            assertThat(api.send("GET", "/v1/sessions/alice", null, null).statusCode()).isEqualTo(401);
            assertThat(api.send("GET", "/v1/sessions/alice", "not-a-known-token-000", null).statusCode()).isEqualTo(401);
            assertThat(api.send("GET", "/v1/migration", null, null).statusCode()).isEqualTo(401);
            assertThat(api.send("GET", "/metrics", null, null).statusCode()).isEqualTo(401);
            assertThat(api.send("PUT", "/v1/sessions/alice/checkpoint", "Basic " + ALICE, Checkpoints.text(9, T0))
                    .statusCode()).isEqualTo(401);
        }

        @Test
        @DisplayName("a session token uses its own session only (JupyterHub's 'token' scheme too), 403 elsewhere")
        void crossSession() {
            assertThat(api.send("PUT", "/v1/sessions/bob/checkpoint", BOB, Checkpoints.text(1, T0)).statusCode())
                    .isEqualTo(201);
            assertThat(api.send("GET", "/v1/sessions/bob", "token " + BOB, null).statusCode()).isEqualTo(200);
            assertThat(api.send("GET", "/v1/sessions/bob/checkpoint", ALICE, null).statusCode()).isEqualTo(403);
            assertThat(api.send("PUT", "/v1/sessions/bob/checkpoint", ALICE, Checkpoints.text(2, T0)).statusCode())
                    .isEqualTo(403);
            assertThat(api.send("POST", "/v1/sessions/bob/activity", ALICE, "{\"last_activity\": \"2026-12-01T10:00:00Z\"}")
                    .statusCode()).isEqualTo(403);
            assertThat(api.send("PUT", "/v1/sessions/bob/install", ALICE, null).statusCode()).isEqualTo(403);
        }

        @Test
        @DisplayName("the migration's routes and the metrics need an admin token")
        void adminOnly() {
            assertThat(api.send("GET", "/v1/migration", ALICE, null).statusCode()).isEqualTo(403);
            assertThat(api.send("POST", "/v1/migration/pause", ALICE, null).statusCode()).isEqualTo(403);
            assertThat(api.send("GET", "/metrics", ALICE, null).statusCode()).isEqualTo(403);
        }

        @Test
        @DisplayName("a session id outside the safe set or too long is 400")
        void badIds() {
            assertThat(api.send("GET", "/v1/sessions/a%2F..%2Fb", ADMIN, null).statusCode()).isEqualTo(400);
            assertThat(api.send("GET", "/v1/sessions/-x", ADMIN, null).statusCode()).isEqualTo(400);
            assertThat(api.send("GET", "/v1/sessions/" + "a".repeat(129), ADMIN, null).statusCode()).isEqualTo(400);
            assertThat(api.send("GET", "/v1/sessions/" + "a".repeat(128), ADMIN, null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("pause and resume are answered with the state and shown by GET /v1/migration")
    void pauseResume() {
        assertThat(json(api.send("POST", "/v1/migration/pause", ADMIN, null)).getBoolean("paused")).isTrue();
        assertThat(json(api.send("GET", "/v1/migration", ADMIN, null)).getBoolean("paused")).isTrue();
        assertThat(json(api.send("POST", "/v1/migration/resume", ADMIN, null)).getBoolean("paused")).isFalse();
    }

    @Test
    @DisplayName("GET /v1/migration shows the scheduler's latest overview; a held session says why")
    void overview() {
        assertThat(json(api.send("GET", "/v1/migration", ADMIN, null)).getValue("scheduler")).isNull();
        plane.publish(dev.ferry.api.control.Overviews.sample(T0));
        JsonObject scheduler = json(api.send("GET", "/v1/migration", ADMIN, null)).getJsonObject("scheduler");
        assertThat(scheduler.getJsonObject("by_state").getInteger("starting")).isEqualTo(1);
        assertThat(scheduler.getJsonArray("clusters").getJsonObject(1).getBoolean("reachable")).isFalse();
        assertThat(scheduler.getJsonArray("budgets").getJsonObject(0).getInteger("limit")).isEqualTo(10);
        assertThat(scheduler.getJsonObject("held_by_reason").getInteger("paused")).isEqualTo(1);
        api.send("PUT", "/v1/sessions/alice/install", ALICE, null);
        JsonObject alice = json(api.send("GET", "/v1/sessions/alice", ALICE, null));
        assertThat(alice.getJsonObject("held").getString("code")).isEqualTo("paused");
    }

    @Test
    @DisplayName("/metrics counts requests by route and status, uploads refused and sessions stored")
    void metrics() {
        api.send("PUT", "/v1/sessions/met1/checkpoint", ADMIN, "garbage");
        HttpResponse<String> r = api.send("GET", "/metrics", ADMIN, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body()).contains("ferry_http_requests_total{route=\"checkpoint_put\",status=\"400\"}",
                "ferry_checkpoint_uploads_refused_total{reason=\"damaged\"}", "ferry_sessions_stored",
                "ferry_http_request_duration_seconds_bucket{route=\"checkpoint_put\"");
    }

    @Test
    @DisplayName("an unknown route is 404 in JSON")
    void unknownRoute() {
        HttpResponse<String> r = api.send("GET", "/v1/nothing", ADMIN, null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).getString("error")).contains("/v1/nothing");
    }
}
