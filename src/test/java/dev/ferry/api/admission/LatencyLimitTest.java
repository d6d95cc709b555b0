package dev.ferry.api.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.time.ManualTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatencyLimitTest {

    private static final long MS = 1_000_000L;

    @Test
    @DisplayName("with no target the limit is the fixed ceiling, however slow the answers")
    void fixedWithoutTarget() {
        ManualTime time = new ManualTime();
        LatencyLimit limit = new LatencyLimit(time, 0, 1, 3);
        long first = limit.admit();
        assertThat(limit.admit()).isNotNegative();
        assertThat(limit.admit()).isNotNegative();
        assertThat(limit.admit()).as("the fourth of 3").isEqualTo(-1);
        time.advanceBy(10_000 * MS);
        limit.answered(first);
        assertThat(limit.limit()).isEqualTo(3);
        assertThat(limit.admit()).as("the slot the answer freed").isNotNegative();
        assertThat(limit.inFlight()).isEqualTo(3);
    }

    @Test
    @DisplayName("an answer later than the target cuts the limit by a tenth, at most once per target's length of time")
    void slowAnswersCut() {
        ManualTime time = new ManualTime();
        LatencyLimit limit = new LatencyLimit(time, 10 * MS, 8, 1024);
        assertThat(limit.limit()).as("the start").isEqualTo(100);
        long[] arrivals = new long[3];
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = limit.admit();
        }
        time.advanceBy(11 * MS);
        limit.answered(arrivals[0]);
        assertThat(limit.limit()).isEqualTo(90);
        limit.answered(arrivals[1]);
        assertThat(limit.limit()).as("a second slow answer within 10 ms of the cut").isEqualTo(90);
        time.advanceBy(10 * MS);
        limit.answered(arrivals[2]);
        assertThat(limit.limit()).isEqualTo(81);
    }

    @Test
    @DisplayName("answers within the target grow the limit by one each while half of it is used, up to the ceiling")
    void fastAnswersGrowWhileUsed() {
        ManualTime time = new ManualTime();
        LatencyLimit limit = new LatencyLimit(time, 10 * MS, 8, 104);
        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            arrivals.add(limit.admit());
        }
        time.advanceBy(MS);
        for (int i = 0; i < 10; i++) {
            limit.answered(arrivals.remove(0));
        }
        assertThat(limit.limit()).as("60 to 51 in flight of 100 to 104: grown to the ceiling").isEqualTo(104);
    }

    @Test
    @DisplayName("while little of it is used, quick answers grow the limit ten times slower: one per ten answers")
    void quickAnswersGrowAnIdleLimitSlowly() {
        ManualTime time = new ManualTime();
        LatencyLimit idle = new LatencyLimit(time, 10 * MS, 8, 105);
        answerOneAtATime(idle, time, 9, MS);
        assertThat(idle.limit()).as("nine quick answers, one in flight of 100 each").isEqualTo(100);
        answerOneAtATime(idle, time, 1, MS);
        assertThat(idle.limit()).as("the tenth").isEqualTo(101);
        answerOneAtATime(idle, time, 100, MS);
        assertThat(idle.limit()).as("up to the ceiling, no further").isEqualTo(105);
        long slow = idle.admit();
        time.advanceBy(11 * MS);
        idle.answered(slow);
        assertThat(idle.limit()).as("a slow answer still cuts an idle limit").isEqualTo(94);
    }

    @Test
    @DisplayName("the limit never falls below its floor, and one request in flight below it is always taken")
    void floorHolds() {
        ManualTime time = new ManualTime();
        LatencyLimit limit = new LatencyLimit(time, MS, 8, 1024);
        answerOneAtATime(limit, time, 100, 5 * MS);
        assertThat(limit.limit()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            assertThat(limit.admit()).isNotNegative();
        }
        assertThat(limit.admit()).isEqualTo(-1);
    }

    @Test
    @DisplayName("refuses a floor below 1, a ceiling below the floor and a negative target")
    void refusesBadBounds() {
        ManualTime time = new ManualTime();
        assertThatThrownBy(() -> new LatencyLimit(time, MS, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyLimit(time, MS, 11, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyLimit(time, -1, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("offered twice what a server answers, the accepted keep p99 within 2.5 targets and the server stays busy")
    void spikeOnAQueueingServer() {
        ManualTime time = new ManualTime();
        LatencyLimit limit = new LatencyLimit(time, 20 * MS, 8, 1024);
        long service = 200_000; // 5,000 answers/s, one at a time in arrival order
        long gap = 100_000; // 10,000 requests/s offered
        ArrayDeque<long[]> queue = new ArrayDeque<>(); // {arrival, finish}
        List<Long> latencies = new ArrayList<>();
        long lastFinish = 0;
        long refused = 0;
        long answeredInSecondHalf = 0;
        for (long t = 0; t < 4_000 * MS; t += gap) {
            while (!queue.isEmpty() && queue.peekFirst()[1] <= t) {
                long[] done = queue.pollFirst();
                time.advanceTo(done[1]);
                limit.answered(done[0]);
                if (done[1] >= 2_000 * MS) {
                    latencies.add(done[1] - done[0]);
                    answeredInSecondHalf++;
                }
            }
            time.advanceTo(t);
            long arrival = limit.admit();
            if (arrival < 0) {
                refused++;
                continue;
            }
            lastFinish = Math.max(arrival, lastFinish) + service;
            queue.addLast(new long[] {arrival, lastFinish});
        }
        Collections.sort(latencies);
        long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
        assertThat(p99).as("accepted p99, ns").isLessThanOrEqualTo(50 * MS);
        assertThat(answeredInSecondHalf).as("answers in the last 2 s of a 5,000/s server").isGreaterThan(9_000);
        assertThat(refused).as("about half of 40,000 offered").isBetween(18_000L, 22_000L);
    }

    /** {@code count} requests one after the other, each answered {@code latency} after it was taken. */
    private static void answerOneAtATime(LatencyLimit limit, ManualTime time, int count, long latency) {
        for (int i = 0; i < count; i++) {
            long arrival = limit.admit();
            time.advanceBy(latency);
            limit.answered(arrival);
        }
    }
}
