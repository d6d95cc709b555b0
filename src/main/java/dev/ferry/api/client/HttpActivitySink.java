package dev.ferry.api.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.tracker.activity.ActivitySink;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The session's activity forwarded to the control plane: {@code POST /v1/sessions/{id}/activity} with
 * {@code {"last_activity": "<ISO-8601>"}}, the shape JupyterHub's activity API takes. Sends asynchronously on the
 * JDK's HTTP client, bounded by {@link ControlPlaneAddress#REQUEST_TIMEOUT}; any 2xx is accepted.
 */
public final class HttpActivitySink implements ActivitySink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final ControlPlaneAddress address;
    private final String sessionId;

    public HttpActivitySink(HttpClient client, ControlPlaneAddress address, String sessionId) {
        this.client = client;
        this.address = address;
        this.sessionId = sessionId;
    }

    @Override
    public void send(long epochMillis, Consumer<Optional<String>> answered) {
        String body = JSON.createObjectNode().put("last_activity", Instant.ofEpochMilli(epochMillis).toString())
                .toString();
        HttpRequest request = address.session(sessionId, "/activity").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, failure) -> answered.accept(failure != null
                        ? Optional.of(failure.getClass().getSimpleName()
                                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()))
                        : response.statusCode() / 100 == 2 ? Optional.empty()
                                : Optional.of("HTTP " + response.statusCode() + " "
                                        + response.body().replaceAll("\\s*\\R\\s*", " ").strip())));
    }

    @Override
    public String describe() {
        return address.toString();
    }
}
