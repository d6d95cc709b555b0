package dev.ferry.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until the server under test answers {@code GET /healthz} with 200, for at most {@code SECONDS}; exits 1 if
 * it never does. Usage: {@code ServerReady PORT SECONDS}.
 */
public final class ServerReady {

    private ServerReady() {
    }

    public static void main(String[] args) throws InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + Integer.parseInt(args[0]) + "/healthz");
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    System.out.println("load: server ready at " + health);
                    return;
                }
                last = "status " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        System.err.println("load: the server did not answer " + health + " within " + args[1] + " s (" + last
                + "); see target/load/server.log");
        System.exit(1);
    }
}
