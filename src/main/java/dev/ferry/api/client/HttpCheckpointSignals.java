package dev.ferry.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.migrate.reconcile.CheckpointSignals;
import dev.ferry.migrate.reconcile.CheckpointStatus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The scheduler's checkpoint signals and the trackers' activity read from the control plane, one
 * {@code GET /v1/sessions/{id}} per session (kept for the life of this object: one planning pass), with a token that
 * may read every session (admin). A session the control plane never heard of, or that never
 * uploaded a checkpoint, has no status, as {@code ControlPlane#status} says. The checkpoint counts as of the later
 * of when it was written and when the tracker last confirmed it. A failure is a {@link ControlPlaneException}.
 */
public final class HttpCheckpointSignals implements CheckpointSignals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final ControlPlaneAddress address;
    private final Map<String, Optional<JsonNode>> read = new HashMap<>();

    public HttpCheckpointSignals(HttpClient client, ControlPlaneAddress address) {
        this.client = client;
        this.address = address;
    }

    @Override
    public Optional<CheckpointStatus> status(String sessionId) {
        return session(sessionId).flatMap(s -> status(sessionId, s));
    }

    @Override
    public OptionalLong lastActivity(String sessionId) {
        Optional<JsonNode> session = session(sessionId);
        return session.isEmpty() || !session.get().hasNonNull("last_activity") ? OptionalLong.empty()
                : OptionalLong.of(instant(sessionId, session.get(), "last_activity"));
    }

    private Optional<JsonNode> session(String sessionId) {
        Optional<JsonNode> known = read.get(sessionId);
        if (known == null) {
            known = fetch(sessionId);
            read.put(sessionId, known);
        }
        return known;
    }

    private Optional<JsonNode> fetch(String sessionId) {
        HttpResponse<String> response;
        try {
            response = client.send(address.session(sessionId, "").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ControlPlaneException("control plane " + address + ": reading session " + sessionId
                    + " failed without an answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneException("control plane " + address + ": interrupted reading session " + sessionId,
                    false);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new ControlPlaneException("control plane " + address + ": reading session " + sessionId
                    + " answered HTTP " + status + " " + response.body().replaceAll("\\s*\\R\\s*", " ").strip(),
                    status == 401 || status == 403);
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw unusable(sessionId, "not JSON");
        }
    }

    private Optional<CheckpointStatus> status(String sessionId, JsonNode session) {
        long generation = session.path("generation").asLong(-1);
        if (generation < 0) {
            throw unusable(sessionId, "no generation");
        }
        if (generation == 0) {
            return Optional.empty();
        }
        long written = instant(sessionId, session, "written");
        long confirmed = session.hasNonNull("confirmed") ? instant(sessionId, session, "confirmed") : written;
        JsonNode restored = session.path("restored_generation");
        return Optional.of(new CheckpointStatus(generation, Math.max(written, confirmed),
                session.path("install_in_progress").asBoolean(false),
                restored.isIntegralNumber() ? OptionalLong.of(restored.asLong()) : OptionalLong.empty()));
    }

    private long instant(String sessionId, JsonNode session, String field) {
        try {
            return Instant.parse(session.path(field).asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw unusable(sessionId, "'" + field + "' is not an ISO-8601 instant");
        }
    }

    private ControlPlaneException unusable(String sessionId, String why) {
        return new ControlPlaneException("control plane " + address + ": the answer for session " + sessionId
                + " is not a session (" + why + ")", false);
    }
}
