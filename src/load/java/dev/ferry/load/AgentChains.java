package dev.ferry.load;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.ferry.tracker.upload.RetryPolicy;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a session's agent sends, as reusable chains: for each pip command, "install in progress", one checkpoint
 * upload per distribution ({@link PipBursts}), "install finished", then an activity report. Each upload carries the
 * agent's next generation; the server's acknowledgement must name that generation, and is recorded in
 * {@link Acknowledged}. An agent told 429 waits as the tracker does: the {@code Retry-After} it was given and up to
 * half of it again at random ({@link RetryPolicy#overloadedNanos(long, int, java.util.random.RandomGenerator)}), so
 * the agents refused in one instant do not all come back in another.
 */
final class AgentChains {

    static final String UPLOAD = "upload checkpoint";
    static final String INSTALL_STARTED = "install started";
    static final String INSTALL_FINISHED = "install finished";
    static final String ACTIVITY = "activity";

    private AgentChains() {
    }

    /**
     * Loopback only; each virtual user keeps its own keep-alive connection. No Referer header to compute and no URL
     * encoding pass over paths that are already safe (session ids are): Gatling shares the 2 cores with the server
     * under test, so its own CPU per request counts against the server's figures.
     */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(LoadSettings.baseUrl()).disableWarmUp().disableCaching().disableAutoReferer()
                .disableUrlEncoding();
    }

    /**
     * Generations start above anything an earlier simulation of the same run uploaded: 100,000 per second since the
     * set-up, more than any agent uploads in a second.
     */
    static long generationBase() {
        return (Instant.now().getEpochSecond() - 1_790_000_000L) * 100_000L;
    }

    /** Sets the agent's generation counter; run once per agent before its loop. */
    static ChainBuilder startAt(long generationBase) {
        return exec(session -> session.set("generation", generationBase));
    }

    /** One pip command's requests. */
    static ChainBuilder pipCommand() {
        return exec(bearer(http(INSTALL_STARTED).put("/v1/sessions/#{sessionId}/install")))
                .exec(session -> session.set("burst", PipBursts.uploadsOfOneCommand()))
                .exec(backOffIfTold())
                .exec(repeat("#{burst}").on(upload().pause(session -> PipBursts.gap())))
                .exec(bearer(http(INSTALL_FINISHED).delete("/v1/sessions/#{sessionId}/install")))
                .exec(backOffIfTold())
                .exec(bearer(http(ACTIVITY).post("/v1/sessions/#{sessionId}/activity"))
                        .body(StringBody(session -> "{\"last_activity\": \"" + Instant.now() + "\"}")).asJson())
                .exec(backOffIfTold());
    }

    /** One checkpoint upload of the agent's next generation. */
    static ChainBuilder upload() {
        return upload(UPLOAD);
    }

    /** One checkpoint upload of the agent's next generation, under the request name {@code name}. */
    static ChainBuilder upload(String name) {
        return exec(session -> session.set("generation", session.getLong("generation") + 1))
                .exec(http(name).put("/v1/sessions/#{sessionId}/checkpoint")
                .header("Authorization", "Bearer #{token}")
                .header("Content-Type", "text/plain; charset=utf-8")
                .body(ByteArrayBody(session -> CheckpointTexts.of(session.getLong("generation"))))
                .check(status().in(200, 201),
                        // the answer names the generation sent; compared as the server writes it, without a JSON
                        // parse and path evaluation per upload on the cores the server needs
                        bodyString().is(session -> acknowledgement(session.getLong("generation")))
                                .saveAs("acknowledged"),
                        header("Retry-After").optional().saveAs("retryAfter")))
                .exec(session -> {
                    if (session.contains("acknowledged")) {
                        Acknowledged.record(session.getString("sessionId"), session.getLong("generation"));
                    }
                    return session.remove("acknowledged");
                })
                .exec(backOffIfTold());
    }

    /** The body of the server's 200/201 to an upload of {@code generation}: {@code {"generation":N}}. */
    static String acknowledgement(long generation) {
        return "{\"generation\":" + generation + "}";
    }

    private static io.gatling.javaapi.http.HttpRequestActionBuilder bearer(
            io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{token}")
                .check(header("Retry-After").optional().saveAs("retryAfter"));
    }

    /** After a 429 with {@code Retry-After: s}, waits what the tracker would before the agent's next request. */
    private static ChainBuilder backOffIfTold() {
        return doIf(session -> session.contains("retryAfter")).then(
                pause(AgentChains::retryAfter).exec(session -> session.remove("retryAfter")));
    }

    private static Duration retryAfter(Session session) {
        long asked;
        try {
            asked = Duration.ofSeconds(Math.max(0, Long.parseLong(session.getString("retryAfter").trim()))).toNanos();
        } catch (NumberFormatException e) {
            asked = -1;
        }
        return Duration.ofNanos(RetryPolicy.DEFAULTS.overloadedNanos(asked, 1, ThreadLocalRandom.current()));
    }
}
