package dev.ferry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.client.ControlPlaneAddress;
import dev.ferry.api.client.HttpLeaseLink;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.InMemorySessionStore;
import dev.ferry.api.control.SessionLeases;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.lease.LeaseAnswer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The lease routes' HTTP contract, through a real client and the agent's own HTTP link, against the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("lease routes: PUT takes or renews, 409 names the holder's place, DELETE gives back, GET reads")
class LeaseApiTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String ALICE = "alice-token-0123456789";
    private static final String BOB = "bob-token-01234567890";
    private static final long TTL_MS = 300_000;

    private final ManualTime time = new ManualTime(0, 1_000_000);
    private ControlPlaneServer server;
    private ApiClient api;

    @BeforeAll
    void start() throws Exception {
        Tokens tokens = Tokens.parse(List.of(ADMIN + " admin", ALICE + " session:alice", BOB + " session:bob"),
                "tokens");
        ControlPlane plane = new ControlPlane(new InMemorySessionStore(), time);
        server = ControlPlaneServer.start(plane, new SessionLeases(time, TTL_MS), tokens, time,
                new ServerSettings("127.0.0.1", 0, 64, 2, 1));
        api = new ApiClient(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static JsonObject json(HttpResponse<String> r) {
        return new JsonObject(r.body());
    }

    private static String holder(String place, String instance) {
        return new JsonObject().put("place", place).put("instance", instance).encode();
    }

    @Test
    @DisplayName("the lease's whole life over HTTP, with the session's token")
    void lifecycle() {
        HttpResponse<String> taken = api.send("PUT", "/v1/sessions/alice/lease", ALICE, holder("source", "run-1"));
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(json(taken).getLong("ttl_ms")).isEqualTo(TTL_MS);
        assertThat(json(taken).getLong("expires_at_ms")).isEqualTo(1_000_000 + TTL_MS);

        HttpResponse<String> refused = api.send("PUT", "/v1/sessions/alice/lease", ALICE, holder("k8s-b1", "pod-1"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).getString("held_by")).isEqualTo("source");

        HttpResponse<String> read = api.send("GET", "/v1/sessions/alice/lease", ADMIN, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).getString("place")).isEqualTo("source");
        assertThat(json(read).getBoolean("released")).isFalse();

        assertThat(json(api.send("DELETE", "/v1/sessions/alice/lease", ALICE, holder("k8s-b1", "pod-1")))
                .getBoolean("released")).isFalse();
        assertThat(json(api.send("DELETE", "/v1/sessions/alice/lease", ALICE, holder("source", "run-1")))
                .getBoolean("released")).isTrue();
        assertThat(api.send("PUT", "/v1/sessions/alice/lease", ALICE, holder("k8s-b1", "pod-1")).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("another session's token is 403, no token 401, a bad holder 400, a session never leased 404")
    void refusals() {
        assertThat(api.send("PUT", "/v1/sessions/carol/lease", BOB, holder("source", "run-1")).statusCode())
                .isEqualTo(403);
        assertThat(api.send("PUT", "/v1/sessions/bob/lease", null, holder("source", "run-1")).statusCode())
                .isEqualTo(401);
        assertThat(api.send("PUT", "/v1/sessions/bob/lease", BOB, "{\"place\": \"source\"}").statusCode())
                .isEqualTo(400);
        assertThat(api.send("PUT", "/v1/sessions/bob/lease", BOB, holder("k8s b1", "x")).statusCode())
                .isEqualTo(400);
        assertThat(api.send("PUT", "/v1/sessions/bob/lease", BOB, "not json").statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/v1/sessions/bob/lease", BOB, null).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("the agent's HTTP link: granted with the server's TTL, then held by another; unreachable is Failed")
    void agentLink() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ControlPlaneAddress address = new ControlPlaneAddress(URI.create("http://127.0.0.1:" + server.port()), ADMIN);
        assertThat(answer(new HttpLeaseLink(http, address, "dave", "source", "run-1")))
                .isEqualTo(new LeaseAnswer.Granted(TTL_MS * 1_000_000L));
        assertThat(answer(new HttpLeaseLink(http, address, "dave", "k8s-a1", "pod-7")))
                .isEqualTo(new LeaseAnswer.HeldByAnother("source"));
        ControlPlaneAddress nobody;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            nobody = new ControlPlaneAddress(URI.create("http://127.0.0.1:" + probe.getLocalPort()), ADMIN);
        }
        assertThat(answer(new HttpLeaseLink(http, nobody, "dave", "source", "run-1")))
                .isInstanceOf(LeaseAnswer.Failed.class);
    }

    private static LeaseAnswer answer(HttpLeaseLink link) throws Exception {
        CompletableFuture<LeaseAnswer> answered = new CompletableFuture<>();
        link.renew(answered::complete);
        return answered.get(30, TimeUnit.SECONDS);
    }
}
