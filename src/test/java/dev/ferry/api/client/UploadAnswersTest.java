package dev.ferry.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.tracker.upload.UploadAnswer.Kind;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the HTTP transport reads the control plane's status codes and Retry-After in the uploader's terms. */
class UploadAnswersTest {

    private static Kind kind(int status) {
        return HttpUploadTransport.answer(status, "{}", Optional.empty()).kind();
    }

    @Test
    @DisplayName("201 and 200 stored, 409 already newer, 400 and 413 refused, 401 and 403 unauthorized, 429 and 503"
            + " overloaded, other codes failed")
    void statusCodes() {
        assertThat(kind(201)).isEqualTo(Kind.STORED);
        assertThat(kind(200)).isEqualTo(Kind.STORED);
        assertThat(kind(409)).isEqualTo(Kind.ALREADY_NEWER);
        assertThat(kind(400)).isEqualTo(Kind.REFUSED);
        assertThat(kind(413)).isEqualTo(Kind.REFUSED);
        assertThat(kind(401)).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(kind(403)).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(kind(429)).isEqualTo(Kind.OVERLOADED);
        assertThat(kind(503)).isEqualTo(Kind.OVERLOADED);
        assertThat(kind(500)).isEqualTo(Kind.FAILED);
        assertThat(kind(404)).isEqualTo(Kind.FAILED);
    }

    @Test
    @DisplayName("Retry-After in seconds is read; an HTTP-date or garbage counts as not given")
    void retryAfter() {
        assertThat(HttpUploadTransport.answer(429, "", Optional.of(" 7 ")).retryAfterNanos())
                .isEqualTo(7_000_000_000L);
        assertThat(HttpUploadTransport.retryAfterNanos(Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"))).isEqualTo(-1);
        assertThat(HttpUploadTransport.retryAfterNanos(Optional.of("-3"))).isEqualTo(-1);
        assertThat(HttpUploadTransport.retryAfterNanos(Optional.empty())).isEqualTo(-1);
    }

    @Test
    @DisplayName("the detail is the status and the body on one short line")
    void detail() {
        assertThat(HttpUploadTransport.answer(400, "{\"error\":\n\"damaged\"}", Optional.empty()).detail())
                .isEqualTo("HTTP 400: {\"error\": \"damaged\"}");
        assertThat(HttpUploadTransport.answer(500, "x".repeat(500), Optional.empty()).detail()).hasSize(213);
    }
}
