package dev.ferry.tracker.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.ManualTime;
import dev.ferry.tracker.upload.UploadAnswer.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the uploader sends, when it retries and when it stops, on a manual clock with a transport the test answers. */
class UploaderTest {

    private static final long SECOND = 1_000_000_000L;

    private final ManualTime time = new ManualTime();
    private final FakeTransport transport = new FakeTransport(time);
    private final List<String> warnings = new ArrayList<>();
    /** Every draw 0: each wait is the policy's own, as if there were no jitter (UploaderJitterTest spreads them). */
    private final Uploader uploader = new Uploader(time, time, Runnable::run, transport, RetryPolicy.DEFAULTS,
            warnings::add, () -> 0L);

    private static UploadRequest checkpoint(long generation) {
        return new UploadRequest.Checkpoint(generation, "text of " + generation);
    }

    private void write(long generation) {
        uploader.checkpointWritten(generation, "text of " + generation);
    }

    /** Answers every request that comes with {@code kind} until {@code untilNanos}. */
    private void answerEveryRequest(Kind kind, long untilNanos) {
        while (time.nanos() < untilNanos) {
            if (transport.inFlight()) {
                transport.answer(kind);
            }
            time.advanceBy(SECOND / 10);
        }
    }

    @Nested
    @DisplayName("when the control plane does not answer")
    class Backoff {

        @Test
        @DisplayName("retries after 1, 2, 4, ... s, capped at 60 s: sends at 0, 1, 3, 7, 15, 31, 63, 123, 183 s")
        void exponentialWithCap() {
            write(1);
            answerEveryRequest(Kind.FAILED, 200 * SECOND);
            assertThat(transport.sendTimesMillis()).containsExactly(0L, 1_000L, 3_000L, 7_000L, 15_000L, 31_000L,
                    63_000L, 123_000L, 183_000L);
        }

        @Test
        @DisplayName("says so once, not at every retry, and once more when an upload gets through")
        void reportsOnce() {
            write(1);
            answerEveryRequest(Kind.FAILED, 100 * SECOND);
            assertThat(warnings).singleElement().asString().startsWith("cannot reach control plane http://127.0.0.1:1")
                    .contains("checkpoints stay on the home");
            time.advanceTo(123 * SECOND);
            transport.answer(Kind.STORED);
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(1)).contains("reachable again: checkpoint generation 1 sent after 7 failed attempts");
        }

        @Test
        @DisplayName("a success resets the backoff: the next failure waits 1 s again")
        void successResets() {
            write(1);
            answerEveryRequest(Kind.FAILED, 20 * SECOND); // sends at 0, 1, 3, 7, 15; the one at 15 s answered
            time.advanceTo(31 * SECOND);
            transport.answer(Kind.STORED); // the send at 31 s gets through
            write(2);
            transport.answer(Kind.FAILED);
            time.advanceTo(31 * SECOND + SECOND - 1);
            assertThat(transport.sent).hasSize(7);
            time.advanceTo(32 * SECOND);
            assertThat(transport.last()).isEqualTo(checkpoint(2));
        }
    }

    @Nested
    @DisplayName("when the control plane is overloaded (429)")
    class RetryAfter {

        @Test
        @DisplayName("waits exactly as long as Retry-After says")
        void honoured() {
            write(1);
            transport.answer(new UploadAnswer(Kind.OVERLOADED, 17 * SECOND, "HTTP 429"));
            time.advanceTo(17 * SECOND - 1);
            assertThat(transport.sent).hasSize(1);
            time.advanceTo(17 * SECOND);
            assertThat(transport.sendTimesMillis()).containsExactly(0L, 17_000L);
        }

        @Test
        @DisplayName("waits no longer than 10 min, however long Retry-After says, and no less than 1 s")
        void bounded() {
            write(1);
            transport.answer(new UploadAnswer(Kind.OVERLOADED, 3_600 * SECOND, "HTTP 429"));
            time.advanceTo(600 * SECOND);
            transport.answer(new UploadAnswer(Kind.OVERLOADED, 0, "HTTP 429"));
            time.advanceTo(601 * SECOND);
            assertThat(transport.sendTimesMillis()).containsExactly(0L, 600_000L, 601_000L);
        }

        @Test
        @DisplayName("without Retry-After, backs off as for no answer")
        void withoutHeader() {
            write(1);
            answerEveryRequest(Kind.OVERLOADED, 10 * SECOND);
            assertThat(transport.sendTimesMillis()).containsExactly(0L, 1_000L, 3_000L, 7_000L);
        }
    }

    @Nested
    @DisplayName("which checkpoint goes")
    class NewestWins {

        @Test
        @DisplayName("one request in flight at a time; newer checkpoints replace a pending older one, which never goes")
        void newestReplacesPending() {
            write(1);
            write(2);
            write(3);
            assertThat(transport.sent).hasSize(1);
            transport.answer(Kind.STORED);
            assertThat(transport.last()).isEqualTo(checkpoint(3));
            transport.answer(Kind.STORED);
            assertThat(transport.sent).extracting(FakeTransport.Sent::request)
                    .containsExactly(checkpoint(1), checkpoint(3), new UploadRequest.Install(false));
            assertThat(uploader.serverGeneration()).isEqualTo(3);
        }

        @Test
        @DisplayName("a newer checkpoint written while a retry is waiting goes at the retry, not before")
        void newestAtTheRetry() {
            write(1);
            transport.answer(Kind.FAILED);
            write(2);
            time.advanceTo(SECOND - 1);
            assertThat(transport.sent).hasSize(1);
            time.advanceTo(SECOND);
            assertThat(transport.last()).isEqualTo(checkpoint(2));
        }

        @Test
        @DisplayName("a 409 means the server holds that generation or newer: it is not sent again")
        void conflictStops() {
            write(4);
            transport.answer(Kind.ALREADY_NEWER);
            transport.answer(Kind.STORED); // the install sign that follows
            time.advanceTo(3_600 * SECOND);
            write(3); // older than what the server holds: nothing to send
            assertThat(transport.sent).extracting(FakeTransport.Sent::request)
                    .containsExactly(checkpoint(4), new UploadRequest.Install(false));
            assertThat(warnings).isEmpty();
        }

        @Test
        @DisplayName("a checkpoint refused as damaged or too large (400, 413) is said once and not sent again")
        void refusedForGood() {
            write(1);
            transport.answer(UploadAnswer.of(Kind.REFUSED, "HTTP 413: too large"));
            time.advanceTo(3_600 * SECOND);
            assertThat(transport.sent).hasSize(1);
            assertThat(warnings).singleElement().asString()
                    .contains("refused checkpoint generation 1 (HTTP 413: too large); not sending it again");
            write(2);
            assertThat(transport.last()).isEqualTo(checkpoint(2));
        }
    }

    @Nested
    @DisplayName("the install sign")
    class Install {

        @Test
        @DisplayName("an install that begins goes before a pending checkpoint; its end only after the next checkpoint")
        void order() {
            write(1);
            uploader.operationInProgress(true);
            write(2);
            transport.answer(Kind.STORED); // generation 1
            assertThat(transport.last()).isEqualTo(new UploadRequest.Install(true));
            transport.answer(Kind.STORED);
            uploader.operationInProgress(false);
            assertThat(transport.last()).isEqualTo(checkpoint(2));
            transport.answer(Kind.STORED);
            assertThat(transport.last()).isEqualTo(new UploadRequest.Install(false));
            transport.answer(Kind.STORED);
            assertThat(uploader.busy()).isFalse();
        }

        @Test
        @DisplayName("an install that began and ended while the server was unreachable sends only what is true now")
        void collapses() {
            write(1);
            transport.answer(Kind.FAILED);
            uploader.operationInProgress(true);
            write(2);
            uploader.operationInProgress(false);
            time.advanceTo(SECOND);
            transport.answer(Kind.STORED);
            transport.answer(Kind.STORED);
            assertThat(transport.sent).extracting(FakeTransport.Sent::request)
                    .containsExactly(checkpoint(1), checkpoint(2), new UploadRequest.Install(false));
        }
    }

    @Nested
    @DisplayName("when the token is refused (401, 403)")
    class Unauthorized {

        @Test
        @DisplayName("says so once in a clear line and retries every 5 min, not with the fast backoff")
        void slowAndOnce() {
            write(1);
            answerEveryRequest(Kind.UNAUTHORIZED, 1_000 * SECOND);
            assertThat(transport.sendTimesMillis()).containsExactly(0L, 300_000L, 600_000L, 900_000L);
            assertThat(warnings).singleElement().asString()
                    .contains("does not accept the token for this session (HTTP test)")
                    .contains("trying again every 300 s");
        }
    }

    @Test
    @DisplayName("the tracker's calls never wait: with nothing ever answered, a thousand checkpoints return at once")
    void neverBlocks() {
        for (long g = 1; g <= 1_000; g++) {
            write(g);
            uploader.operationInProgress(g % 2 == 1);
        }
        assertThat(transport.sent).singleElement().isEqualTo(new FakeTransport.Sent(checkpoint(1), 0));
        assertThat(uploader.busy()).isTrue();
        transport.answer(Kind.STORED);
        assertThat(transport.last()).isEqualTo(checkpoint(1_000));
    }

    @Test
    @DisplayName("after stop nothing more is sent, and a late answer changes nothing")
    void stop() {
        write(1);
        transport.answer(Kind.FAILED);
        uploader.stop();
        write(2);
        time.advanceTo(3_600 * SECOND);
        assertThat(transport.sent).hasSize(1);
        assertThat(time.pendingCount()).isZero();
    }

    @Test
    @DisplayName("the policy's backoff doubles from the first delay and stays at the cap")
    void policy() {
        RetryPolicy p = new RetryPolicy(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 50).stream().map(n -> p.backoffNanos(n) / 1_000_000L))
                .containsExactly(250L, 500L, 1_000L, 2_000L, 4_000L, 5_000L, 5_000L);
    }
}
