package dev.ferry.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.tracker.activity.ActivityReading;
import dev.ferry.tracker.activity.ActivitySource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * The user's last activity as a Jupyter Server reports it: {@code GET /api/status} with
 * {@code Authorization: token <token>}, whose {@code last_activity} (an ISO-8601 time) is the latest of the server's
 * API requests, kernel and terminal activity. Asynchronous on the JDK's HTTP client, every request bounded by
 * {@link #TIMEOUT}.
 */
public final class JupyterStatusSource implements ActivitySource {

    /** How long one status request may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI status;
    private final String token;

    /** @param base the server's base URL, e.g. {@code http://127.0.0.1:8888/user/alice/} */
    public JupyterStatusSource(HttpClient client, URI base, String token) {
        this.client = client;
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        this.status = base.resolve(path + "/api/status");
        this.token = token;
    }

    @Override
    public void read(Consumer<ActivityReading> answered) {
        HttpRequest request = HttpRequest.newBuilder(status).timeout(TIMEOUT)
                .header("Authorization", "token " + token).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, failure) -> answered.accept(failure != null
                        ? new ActivityReading.Failed(failure.getClass().getSimpleName())
                        : reading(response.statusCode(), response.body())));
    }

    @Override
    public String describe() {
        return status.toString();
    }

    /** A status code and body in the relay's terms. */
    static ActivityReading reading(int status, String body) {
        if (status != 200) {
            return new ActivityReading.Failed("HTTP " + status + (status == 403 || status == 401
                    ? ": the Jupyter token was refused" : ""));
        }
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode last = json.path("last_activity");
            if (!last.isTextual()) {
                return new ActivityReading.Failed("the status has no last_activity");
            }
            return new ActivityReading.Seen(OffsetDateTime.parse(last.asText()).toInstant().toEpochMilli());
        } catch (JsonProcessingException e) {
            return new ActivityReading.Failed("the status is not JSON");
        } catch (DateTimeParseException e) {
            return new ActivityReading.Failed("last_activity is not an ISO-8601 time with offset");
        }
    }
}
