package dev.ferry.tracker.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.ManualTime;
import dev.ferry.tracker.upload.UploadAnswer.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Retries spread at random from the injected source, on a manual clock: 3,500 trackers that lost the control plane
 * together come back spread out, never sooner than half the backoff, never sooner than a 429's Retry-After.
 */
class UploaderJitterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int TRACKERS = 3_500;

    private final ManualTime time = new ManualTime();
    private final List<FakeTransport> transports = new ArrayList<>();

    /** {@code TRACKERS} uploaders on one clock, each with its own draws from one seeded source. */
    private void trackersWithOneCheckpointEach() {
        SplittableRandom seeds = new SplittableRandom(2026);
        for (int i = 0; i < TRACKERS; i++) {
            FakeTransport transport = new FakeTransport(time);
            transports.add(transport);
            new Uploader(time, time, Runnable::run, transport, RetryPolicy.DEFAULTS, w -> { }, seeds.split())
                    .checkpointWritten(1, "text of 1");
        }
    }

    private List<Long> secondSendTimesNanos() {
        return transports.stream().filter(t -> t.sent.size() > 1).map(t -> t.sent.get(1).atNanos()).toList();
    }

    @Test
    @DisplayName("a draw of u waits d - u d / 2: 0.25 after the first failure (1 s) retries at 875 ms")
    void oneDraw() {
        FakeTransport transport = new FakeTransport(time);
        // nextDouble() is the top 53 bits of nextLong() over 2^53: 0.25 is 1 << 62
        Uploader uploader = new Uploader(time, time, Runnable::run, transport, RetryPolicy.DEFAULTS, w -> { },
                () -> 1L << 62);
        uploader.checkpointWritten(1, "text of 1");
        transport.answer(Kind.FAILED);
        time.advanceTo(875_000_000L - 1);
        assertThat(transport.sent).hasSize(1);
        time.advanceTo(875_000_000L);
        assertThat(transport.sendTimesMillis()).containsExactly(0L, 875L);
    }

    @Test
    @DisplayName("3,500 failed together retry over [0.5 s, 1 s], no tenth of it holding more than a fifth of them")
    void outageSpreadsTheRetries() {
        trackersWithOneCheckpointEach();
        transports.forEach(t -> t.answer(Kind.FAILED));
        time.advanceTo(SECOND / 2 - 1);
        assertThat(secondSendTimesNanos()).isEmpty();
        time.advanceTo(SECOND);
        List<Long> retries = secondSendTimesNanos();
        assertThat(retries).hasSize(TRACKERS).allMatch(t -> t >= SECOND / 2 && t <= SECOND);
        int[] tenths = new int[10];
        retries.forEach(t -> tenths[(int) Math.min(9, (t - SECOND / 2) * 10 / (SECOND / 2))]++);
        for (int count : tenths) {
            // uniform: 350 each; in step they would all be in one
            assertThat(count).isBetween(TRACKERS / 20, TRACKERS / 5);
        }
    }

    @Test
    @DisplayName("after a 429 with Retry-After 5 s, each waits 5 s to 7.5 s, spread over it")
    void retryAfterIsALeastWait() {
        trackersWithOneCheckpointEach();
        transports.forEach(t -> t.answer(new UploadAnswer(Kind.OVERLOADED, 5 * SECOND, "HTTP 429")));
        time.advanceTo(5 * SECOND - 1);
        assertThat(secondSendTimesNanos()).isEmpty();
        time.advanceTo(7_500_000_000L);
        List<Long> retries = secondSendTimesNanos();
        assertThat(retries).hasSize(TRACKERS);
        assertThat(retries.stream().filter(t -> t < 6_250_000_000L).count()).isBetween(1_500L, 2_000L);
    }
}
