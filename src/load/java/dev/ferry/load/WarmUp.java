package dev.ferry.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the server under test the storm's kinds of requests for {@code SECONDS} before any simulation runs, from
 * {@value #CLIENTS} clients with the admin token, each on a session of its own that no agent uses ({@code
 * warm-up-N}): a control plane meets a pip storm after hours of serving, not in its JVM's first seconds, and the
 * storm's gates judge the server, not its just-in-time compiler. Exits 1 with what went wrong if the server answers
 * anything but what a warm server would. Usage: {@code WarmUp PORT DIR SECONDS}.
 */
public final class WarmUp {

    static final int CLIENTS = 32;

    private WarmUp() {
    }

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + Integer.parseInt(args[0]);
        String admin = Agents.read(Path.of(args[1])).adminToken();
        Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + length.toNanos();
        AtomicLong answered = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String session = base + "/v1/sessions/warm-up-" + i;
                clients.add(pool.submit(() -> {
                    for (long generation = 1; System.nanoTime() < deadline; generation++) {
                        byte[] text = CheckpointTexts.text(generation, System.currentTimeMillis())
                                .getBytes(StandardCharsets.UTF_8);
                        for (HttpRequest request : List.of(
                                request(session + "/install", admin).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                                request(session + "/checkpoint", admin)
                                        .PUT(HttpRequest.BodyPublishers.ofByteArray(text)).build(),
                                request(session + "/install", admin).DELETE().build(),
                                request(session + "/activity", admin).header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"last_activity\": \"" + Instant.now() + "\"}")).build(),
                                request(session, admin).GET().build(),
                                request(base + "/v1/migration", admin).GET().build())) {
                            send(client, request, answered, shed);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            System.err.println("load: warming the server up failed: " + e.getCause().getMessage()
                    + "; see target/load/server.log");
            System.exit(1);
        } finally {
            pool.shutdownNow();
        }
        System.out.println("load: server warmed up for " + length.toSeconds() + " s: " + answered.get()
                + " requests answered, " + shed.get() + " of them 429");
    }

    private static HttpRequest.Builder request(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    private static void send(HttpClient client, HttpRequest request, AtomicLong answered, AtomicLong shed)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        answered.incrementAndGet();
        int status = response.statusCode();
        if (status == 429) {
            shed.incrementAndGet();
        } else if (status >= 300) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " was answered " + status + ": "
                    + response.body());
        }
    }
}
