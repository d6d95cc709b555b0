package dev.ferry.api.client;

import dev.ferry.tracker.upload.UploadAnswer;
import dev.ferry.tracker.upload.UploadAnswer.Kind;
import dev.ferry.tracker.upload.UploadRequest;
import dev.ferry.tracker.upload.UploadTransport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tracker's uploads over HTTP: {@code PUT /v1/sessions/{id}/checkpoint} with the checkpoint's text, and
 * {@code PUT}/{@code DELETE /v1/sessions/{id}/install}. Sends asynchronously on the JDK's HTTP client (its own
 * threads, at this edge), every request bounded by {@link ControlPlaneAddress#REQUEST_TIMEOUT}.
 */
public final class HttpUploadTransport implements UploadTransport {

    private static final int MAX_DETAIL = 200;

    private final HttpClient client;
    private final ControlPlaneAddress address;
    private final String sessionId;

    public HttpUploadTransport(HttpClient client, ControlPlaneAddress address, String sessionId) {
        this.client = client;
        this.address = address;
        this.sessionId = sessionId;
    }

    @Override
    public void send(UploadRequest request, Consumer<UploadAnswer> answered) {
        HttpRequest http;
        if (request instanceof UploadRequest.Checkpoint c) {
            http = address.session(sessionId, "/checkpoint").header("Content-Type", "text/plain; charset=utf-8")
                    .PUT(HttpRequest.BodyPublishers.ofString(c.text(), StandardCharsets.UTF_8)).build();
        } else if (((UploadRequest.Install) request).inProgress()) {
            http = address.session(sessionId, "/install").PUT(HttpRequest.BodyPublishers.noBody()).build();
        } else {
            http = address.session(sessionId, "/install").DELETE().build();
        }
        client.sendAsync(http, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, failure) -> answered.accept(failure != null ? failed(failure)
                        : answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"))));
    }

    @Override
    public String destination() {
        return address.toString();
    }

    /** A status code, body and Retry-After header in the uploader's terms. */
    static UploadAnswer answer(int status, String body, Optional<String> retryAfter) {
        String detail = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + shorten(body));
        if (status >= 200 && status < 300) {
            return UploadAnswer.of(Kind.STORED, detail);
        }
        return switch (status) {
            case 409 -> UploadAnswer.of(Kind.ALREADY_NEWER, detail);
            case 400, 413 -> UploadAnswer.of(Kind.REFUSED, detail);
            case 401, 403 -> UploadAnswer.of(Kind.UNAUTHORIZED, detail);
            case 429, 503 -> new UploadAnswer(Kind.OVERLOADED, retryAfterNanos(retryAfter), detail);
            default -> UploadAnswer.of(Kind.FAILED, detail);
        };
    }

    /** Retry-After in delta-seconds; an HTTP-date or anything else counts as not said (-1). */
    static long retryAfterNanos(Optional<String> header) {
        if (header.isEmpty() || !header.get().strip().matches("\\d{1,9}")) {
            return -1;
        }
        return Long.parseLong(header.get().strip()) * 1_000_000_000L;
    }

    private static UploadAnswer failed(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return UploadAnswer.of(Kind.FAILED, shorten(root.getClass().getSimpleName() + message));
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " ").strip();
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
