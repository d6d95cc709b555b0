package dev.ferry.load;

import dev.ferry.tracker.checkpoint.CheckpointException;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * After the simulations: reads every session's stored checkpoint back ({@code GET /v1/sessions/{id}/checkpoint},
 * admin token), decodes it with the tracker's own format, and compares its generation with the newest one the
 * agents saw acknowledged. A generation lower than acknowledged was lost or went backwards.
 */
final class StoreCheck {

    /** What the comparison found. */
    record Result(int sessions, List<String> problems) {
    }

    private StoreCheck() {
    }

    static Result run(String baseUrl, String adminToken, Map<String, Long> acknowledged)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Long> e : new TreeMap<>(acknowledged).entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create(baseUrl + "/v1/sessions/" + e.getKey() + "/checkpoint"))
                    .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = send(client, request);
            if (response.statusCode() != 200) {
                problems.add(e.getKey() + ": generation " + e.getValue() + " was acknowledged, the store answers "
                        + response.statusCode());
                continue;
            }
            try {
                long stored = CheckpointFormat.decode(response.body(), "the stored checkpoint of " + e.getKey())
                        .generation();
                if (stored < e.getValue()) {
                    problems.add(e.getKey() + ": generation " + e.getValue() + " was acknowledged, the store holds "
                            + stored);
                }
            } catch (CheckpointException damaged) {
                problems.add(e.getKey() + ": " + damaged.getMessage());
            }
        }
        return new Result(acknowledged.size(), problems);
    }

    /** Sends, retrying a 429 after its Retry-After: the check must read every session, not be shed. */
    private static HttpResponse<String> send(HttpClient client, HttpRequest request)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 20) {
                return response;
            }
            long seconds = response.headers().firstValue("Retry-After").map(String::trim).map(Long::parseLong)
                    .orElse(1L);
            Thread.sleep(Math.min(5, Math.max(1, seconds)) * 1000);
        }
    }
}
