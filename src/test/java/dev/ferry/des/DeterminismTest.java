package dev.ferry.des;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Same inputs, same run: a seeded workload where events spawn, tie and cancel each other gives the
 * identical trace of (time, id) on every run, and a pinned summary for one seed catches any change
 * to the order the kernel promises.
 */
class DeterminismTest {

    private static final long SEED = 20_261_128L;
    private static final long HORIZON = 2_000_000L;

    /** What a run leaves behind: the trace in run order, and the kernel's counters at the end. */
    record Run(List<String> trace, long processed, int pending, long now) {
    }

    /**
     * 200 initial events; each one draws from the shared random stream, so any change in order
     * changes everything after it. An event spawns a follower (one in ten at delay 0, a tie at
     * now), sometimes a second at a random priority while fewer than 400 are pending, and
     * sometimes cancels one of the last 64 scheduled, pending or not.
     */
    private static Run run(long seed) {
        Kernel kernel = new Kernel(0);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> trace = new ArrayList<>();
        List<Timer.Scheduled> recent = new ArrayList<>();
        int[] nextId = {0};
        class Spawner {
            void spawn(long at, int priority) {
                int id = nextId[0]++;
                Timer.Scheduled handle = kernel.schedule(at, priority, () -> {
                    trace.add(kernel.nanos() + ":" + id);
                    long delay = random.nextInt(10) == 0 ? 0 : random.nextLong(1, 5_000);
                    spawn(kernel.nanos() + delay, 0);
                    if (random.nextInt(10) == 0 && kernel.pending() < 400) {
                        spawn(kernel.nanos() + random.nextLong(0, 100), random.nextInt(-2, 3));
                    }
                    if (random.nextInt(10) == 0 && !recent.isEmpty()) {
                        recent.remove(random.nextInt(recent.size())).cancel();
                    }
                });
                recent.add(handle);
                if (recent.size() > 64) {
                    recent.remove(0);
                }
            }
        }
        Spawner spawner = new Spawner();
        for (int i = 0; i < 200; i++) {
            spawner.spawn(random.nextLong(0, 1_000), random.nextInt(-2, 3));
        }
        kernel.runUntil(HORIZON);
        return new Run(trace, kernel.eventsProcessed(), kernel.pending(), kernel.nanos());
    }

    @Test
    @DisplayName("two runs of the same seeded workload give the identical trace of (time, id)")
    void sameSeedSameTrace() {
        Run first = run(SEED);
        Run second = run(SEED);
        assertThat(first.trace()).hasSizeGreaterThan(10_000);
        assertThat(second.trace()).isEqualTo(first.trace());
        assertThat(second).isEqualTo(first);
    }

    @Test
    @DisplayName("another seed gives another trace, so the comparison above is not vacuous")
    void otherSeedOtherTrace() {
        assertThat(run(SEED + 1).trace()).isNotEqualTo(run(SEED).trace());
    }

    @Test
    @DisplayName("the pinned seed gives the pinned summary (regression oracle for the order the kernel promises)")
    void goldenSummary() {
        // Recorded on Java 17 (SplittableRandom's stream and List/String hashCode are specified).
        // A change here means the kernel now runs some events in another order: find out why.
        Run run = run(SEED);
        assertThat(run.processed()).isEqualTo(382_609L);
        assertThat(run.trace()).hasSize(382_609).endsWith("2000000:413486");
        assertThat(run.pending()).isEqualTo(398);
        assertThat(run.trace().hashCode()).isEqualTo(-387_176_572);
    }
}
