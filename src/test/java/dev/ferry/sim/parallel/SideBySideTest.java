package dev.ferry.sim.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("runs side by side: as many at once as the cores and the heap allow, each ending on its own")
class SideBySideTest {

    private static final long HEAP = 1000;

    private record Task(long heapBytes, Body body) implements SideBySide.Task<Integer> {
        @Override
        public Integer run() throws Exception {
            return body.run();
        }
    }

    private interface Body {
        Integer run() throws Exception;
    }

    /** Tasks that count how many of them run at once, each for about {@code millis}. */
    private static List<Task> counted(int n, long heap, AtomicInteger now, AtomicInteger peak) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int value = i;
            tasks.add(new Task(heap, () -> {
                peak.accumulateAndGet(now.incrementAndGet(), Math::max);
                Thread.sleep(30);
                now.decrementAndGet();
                return value;
            }));
        }
        return tasks;
    }

    @Test
    @DisplayName("two tasks run at the same time: each waits for the other to have started")
    void twoAtOnce() throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        List<Task> tasks = List.of(new Task(1, () -> both.await(20, TimeUnit.SECONDS)),
                new Task(1, () -> both.await(20, TimeUnit.SECONDS)));

        List<SideBySide.Done<Integer>> done = new SideBySide(2, HEAP).run(tasks, (i, f) -> { });

        assertThat(done).allSatisfy(d -> assertThat(d.failed()).as("%s", d.failure()).isFalse());
    }

    @Test
    @DisplayName("never more at once than asked for, and results come back in the order given")
    void boundedByParallel() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();

        List<SideBySide.Done<Integer>> done = new SideBySide(3, HEAP).run(counted(9, 1, now, peak), (i, f) -> { });

        assertThat(peak.get()).isBetween(1, 3);
        assertThat(done).extracting(SideBySide.Done::value).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    @DisplayName("tasks whose heaps do not fit beside each other run one after the other, whatever the cores")
    void boundedByHeap() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();

        new SideBySide(4, HEAP).run(counted(4, 600, now, peak), (i, f) -> { });

        assertThat(peak.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("a task larger than the heap alone still runs (the caller refused what cannot fit)")
    void aloneAlwaysStarts() throws Exception {
        List<SideBySide.Done<Integer>> done = new SideBySide(2, HEAP).run(List.of(new Task(5000, () -> 7)),
                (i, f) -> { });

        assertThat(done).singleElement().extracting(SideBySide.Done::value).isEqualTo(7);
    }

    @Test
    @DisplayName("a task that fails is reported as failed and the others end normally")
    void failureStopsNothingElse() throws Exception {
        List<Integer> told = new CopyOnWriteArrayList<>();
        List<Task> tasks = List.of(new Task(1, () -> 1), new Task(1, () -> {
            throw new IllegalStateException("run 1 broke");
        }), new Task(1, () -> 3));

        List<SideBySide.Done<Integer>> done = new SideBySide(2, HEAP).run(tasks, (i, f) -> told.add(i));

        assertThat(done).extracting(SideBySide.Done::value).containsExactly(1, null, 3);
        assertThat(done.get(1).failure()).hasMessage("run 1 broke");
        assertThat(told).containsExactlyInAnyOrder(0, 1, 2);
    }
}
