package dev.ferry.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.migrate.reconcile.LeaseStatus;
import dev.ferry.migrate.reconcile.Leases;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sessions' leases read from the control plane, one {@code GET /v1/sessions/{id}/lease} per session (kept for
 * the life of this object: one planning pass), with a token that may read every session (admin). {@code 404} is a
 * session that never held one; any other failure is a {@link ControlPlaneException}.
 */
public final class HttpLeases implements Leases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final ControlPlaneAddress address;
    private final Map<String, Optional<LeaseStatus>> read = new HashMap<>();

    public HttpLeases(HttpClient client, ControlPlaneAddress address) {
        this.client = client;
        this.address = address;
    }

    @Override
    public Optional<LeaseStatus> lease(String sessionId) {
        return read.computeIfAbsent(sessionId, this::fetch);
    }

    private Optional<LeaseStatus> fetch(String sessionId) {
        HttpResponse<String> response;
        try {
            response = client.send(address.session(sessionId, "/lease").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ControlPlaneException("control plane " + address + ": reading the lease of session " + sessionId
                    + " failed without an answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneException("control plane " + address + ": interrupted reading the lease of session "
                    + sessionId, false);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new ControlPlaneException("control plane " + address + ": reading the lease of session " + sessionId
                    + " answered HTTP " + status + " " + response.body().replaceAll("\\s*\\R\\s*", " ").strip(),
                    status == 401 || status == 403);
        }
        return Optional.of(status(sessionId, response.body()));
    }

    private LeaseStatus status(String sessionId, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw unusable(sessionId, "not JSON");
        }
        JsonNode place = json.path("place");
        JsonNode acquired = json.path("acquired_at_ms");
        JsonNode expires = json.path("expires_at_ms");
        if (!place.isTextual() || !acquired.isIntegralNumber() || !expires.isIntegralNumber()) {
            throw unusable(sessionId, "it needs place, acquired_at_ms and expires_at_ms");
        }
        try {
            return new LeaseStatus(place.asText(), acquired.asLong(), expires.asLong(),
                    json.path("released").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw unusable(sessionId, e.getMessage());
        }
    }

    private ControlPlaneException unusable(String sessionId, String why) {
        return new ControlPlaneException("control plane " + address + ": the lease answer for session " + sessionId
                + " is not a lease (" + why + ")", false);
    }
}
