package dev.ferry.tracker.upload;

import java.util.Objects;

/**
 * What became of one {@link UploadRequest}, in the uploader's terms: the transport translates status codes and
 * network failures into these.
 *
 * @param kind            what happened
 * @param retryAfterNanos for {@link Kind#OVERLOADED}: how long the server asked to wait, or -1 if it did not say
 * @param detail          for people: the server's reason, or the network error
 */
public record UploadAnswer(Kind kind, long retryAfterNanos, String detail) {

    public enum Kind {
        /** Stored (201, or 200 for a replacement or the same checkpoint again). */
        STORED,
        /** 409: the server already holds this generation or a newer one; sending it again cannot help. */
        ALREADY_NEWER,
        /** 400 or 413: the server will never take this request as it is (damaged, too large). */
        REFUSED,
        /** 401 or 403: the token is not accepted for this session. */
        UNAUTHORIZED,
        /** 429 (or 503): the server is overloaded; wait as long as it says. */
        OVERLOADED,
        /** No answer (unreachable, timed out, connection reset) or another server error: worth retrying. */
        FAILED
    }

    public UploadAnswer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static UploadAnswer of(Kind kind, String detail) {
        return new UploadAnswer(kind, -1, detail);
    }
}
