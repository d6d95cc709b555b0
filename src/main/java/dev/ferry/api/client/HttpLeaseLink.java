package dev.ferry.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.tracker.lease.LeaseAnswer;
import dev.ferry.tracker.lease.LeaseLink;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One instance's lease over HTTP: {@code PUT /v1/sessions/{id}/lease} to take or renew it, {@code DELETE} to give
 * it back, with the holder ({@code place}, {@code instance}) as the body. Sends asynchronously on the JDK's HTTP
 * client, every request bounded by {@link ControlPlaneAddress#REQUEST_TIMEOUT}; anything but a 200 or a 409 is
 * {@link LeaseAnswer.Failed}, so the agent fences when the control plane is unreachable or refuses its token for
 * the TTL.
 */
public final class HttpLeaseLink implements LeaseLink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final ControlPlaneAddress address;
    private final String sessionId;
    private final String body;
    private volatile CompletableFuture<?> release = CompletableFuture.completedFuture(null);

    public HttpLeaseLink(HttpClient client, ControlPlaneAddress address, String sessionId, String place,
            String instance) {
        this.client = client;
        this.address = address;
        this.sessionId = sessionId;
        this.body = JSON.createObjectNode().put("place", place).put("instance", instance).toString();
    }

    @Override
    public void renew(Consumer<LeaseAnswer> answered) {
        HttpRequest request = address.session(sessionId, "/lease").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, failure) -> answered.accept(failure != null
                        ? new LeaseAnswer.Failed(failure.getClass().getSimpleName())
                        : answer(response.statusCode(), response.body())));
    }

    @Override
    public void release() {
        HttpRequest request = address.session(sessionId, "/lease").header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        release = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Waits at most {@code limit} for the release sent last to be answered (a process about to end would otherwise
     * take it down unsent); whether the answer came is all it says, and nothing is retried.
     */
    public boolean awaitRelease(Duration limit) {
        try {
            release.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A status code and body in the agent's terms. */
    static LeaseAnswer answer(int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            return new LeaseAnswer.Failed("HTTP " + status + " with a body that is not JSON");
        }
        if (status == 200) {
            long ttl = json.path("ttl_ms").asLong(0);
            return ttl > 0 ? new LeaseAnswer.Granted(ttl * 1_000_000L)
                    : new LeaseAnswer.Failed("HTTP 200 without a ttl_ms");
        }
        if (status == 409) {
            return new LeaseAnswer.HeldByAnother(json.path("held_by").asText("another instance"));
        }
        return new LeaseAnswer.Failed("HTTP " + status);
    }
}
