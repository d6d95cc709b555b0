package dev.ferry.des;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.time.Timer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kernel's contract, one behaviour per nested class; each case small enough to check by hand. */
class KernelTest {

    private static final long EPOCH_MILLIS = 1_795_000_000_000L;
    private static final long MS = 1_000_000L;

    private final Kernel kernel = new Kernel(EPOCH_MILLIS);
    private final List<String> ran = new ArrayList<>();

    /** An event that records its name and the clock when it runs. */
    private Runnable log(String name) {
        return () -> ran.add(name + "@" + kernel.nanos());
    }

    @Nested
    @DisplayName("order")
    class Order {

        @Test
        @DisplayName("earlier times run first, whatever order they were scheduled in, each at its own time")
        void byTime() {
            kernel.schedule(30, log("c"));
            kernel.schedule(10, log("a"));
            kernel.schedule(20, log("b"));
            kernel.run();
            assertThat(ran).containsExactly("a@10", "b@20", "c@30");
        }

        @Test
        @DisplayName("at the same time, the smaller priority runs first, negative ones before the default")
        void thenByPriority() {
            kernel.schedule(10, 5, log("p5"));
            kernel.schedule(10, log("p0"));
            kernel.schedule(10, -1, log("p-1"));
            kernel.schedule(5, 9, log("early"));
            kernel.run();
            assertThat(ran).containsExactly("early@5", "p-1@10", "p0@10", "p5@10");
        }

        @Test
        @DisplayName("at the same time and priority, the event scheduled first runs first")
        void thenByInsertion() {
            for (String name : List.of("x", "y", "z", "w")) {
                kernel.schedule(10, 1, log(name));
            }
            kernel.run();
            assertThat(ran).containsExactly("x@10", "y@10", "z@10", "w@10");
        }

        @Test
        @DisplayName("an event scheduled for now by a running event goes after the same-priority events already due now")
        void nowQueuesBehind() {
            // a and b are due at 10; a schedules c at 10 (priority 0) and d at 10 (priority -1).
            // b is already queued at priority 0, so: a, then d (smaller priority), b, c (insertion order).
            kernel.schedule(10, () -> {
                ran.add("a");
                kernel.schedule(kernel.nanos(), () -> ran.add("c"));
                kernel.schedule(kernel.nanos(), -1, () -> ran.add("d"));
            });
            kernel.schedule(10, () -> ran.add("b"));
            kernel.run();
            assertThat(ran).containsExactly("a", "d", "b", "c");
        }
    }

    @Nested
    @DisplayName("scheduling in the past")
    class Past {

        @Test
        @DisplayName("a time before now is refused with both times in the message, and the list is untouched")
        void refused() {
            kernel.runUntil(100);
            kernel.schedule(200, log("later"));
            assertThatThrownBy(() -> kernel.schedule(99, log("late")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot schedule an event in the past: at 99 ns, but the time is already 100 ns");
            assertThat(kernel.pending()).isEqualTo(1);
        }

        @Test
        @DisplayName("through the Timer interface too")
        void refusedThroughTimer() {
            kernel.runUntil(100);
            Timer timer = kernel;
            assertThatThrownBy(() -> timer.schedule(0, log("late")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the past");
        }

        @Test
        @DisplayName("now itself is allowed, between runs and from a running event")
        void nowAllowed() {
            kernel.runUntil(100);
            kernel.schedule(100, () -> {
                ran.add("first@" + kernel.nanos());
                kernel.scheduleAfter(0, log("second"));
            });
            kernel.run();
            assertThat(ran).containsExactly("first@100", "second@100");
        }

        @Test
        @DisplayName("a negative delay is refused; a delay past the end of time too")
        void badDelay() {
            assertThatThrownBy(() -> kernel.scheduleAfter(-1, log("x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot schedule an event in the past: the delay is negative (-1 ns)");
            kernel.runUntil(10);
            assertThatThrownBy(() -> kernel.scheduleAfter(Long.MAX_VALUE, log("x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows virtual time");
            assertThat(kernel.pending()).isZero();
        }

        @Test
        @DisplayName("running until a time before now is refused")
        void runUntilBack() {
            kernel.runUntil(100);
            assertThatThrownBy(() -> kernel.runUntil(99)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("time cannot go back: now 100 ns, asked to run until 99 ns");
        }
    }

    @Nested
    @DisplayName("cancel")
    class Cancel {

        @Test
        @DisplayName("a cancelled event does not run, the others do, and it leaves the list at once")
        void prevents() {
            kernel.schedule(10, log("a"));
            Timer.Scheduled b = kernel.schedule(20, log("b"));
            kernel.schedule(30, log("c"));
            b.cancel();
            assertThat(kernel.pending()).isEqualTo(2);
            kernel.run();
            assertThat(ran).containsExactly("a@10", "c@30");
            assertThat(kernel.eventsProcessed()).isEqualTo(2);
        }

        @Test
        @DisplayName("an event can cancel another one due at the same instant")
        void sameInstant() {
            Timer.Scheduled[] later = new Timer.Scheduled[1];
            kernel.schedule(10, () -> later[0].cancel());
            later[0] = kernel.schedule(10, log("cancelled"));
            kernel.run();
            assertThat(ran).isEmpty();
        }

        @Test
        @DisplayName("cancelling twice, after the event ran, or from inside the event itself is harmless")
        void harmless() {
            Timer.Scheduled[] self = new Timer.Scheduled[1];
            self[0] = kernel.schedule(10, () -> {
                self[0].cancel();
                ran.add("ran");
            });
            Timer.Scheduled other = kernel.schedule(20, log("other"));
            other.cancel();
            other.cancel();
            kernel.schedule(30, log("last"));
            kernel.run();
            self[0].cancel();
            assertThat(ran).containsExactly("ran", "last@30");
            assertThat(kernel.pending()).isZero();
        }

        @Test
        @DisplayName("a stale handle does not cancel the event that reuses its place in the list")
        void staleHandle() {
            Timer.Scheduled first = kernel.schedule(10, log("first"));
            kernel.run();
            kernel.schedule(20, log("second")); // takes the place the first one left
            first.cancel();
            kernel.run();
            assertThat(ran).containsExactly("first@10", "second@20");
        }

        @Test
        @DisplayName("a timer re-armed a million times leaves one event pending, not a million cancelled ones")
        void noAccumulation() {
            Timer.Scheduled armed = kernel.schedule(1, log("never"));
            for (int i = 2; i <= 1_000_000; i++) {
                armed.cancel();
                armed = kernel.schedule(i, log("last"));
            }
            assertThat(kernel.pending()).isEqualTo(1);
            kernel.run();
            assertThat(ran).containsExactly("last@1000000");
        }
    }

    @Nested
    @DisplayName("runUntil")
    class RunUntil {

        @Test
        @DisplayName("runs the events due at or before the target, including those they schedule, then leaves the clock there")
        void upToAndIncluding() {
            kernel.schedule(10, () -> {
                ran.add("a@" + kernel.nanos());
                kernel.schedule(40, log("spawned"));
                kernel.schedule(60, log("spawned-late"));
            });
            kernel.schedule(50, log("b"));
            kernel.schedule(51, log("c"));
            kernel.runUntil(50);
            assertThat(ran).containsExactly("a@10", "spawned@40", "b@50");
            assertThat(kernel.nanos()).isEqualTo(50);
            assertThat(kernel.pending()).isEqualTo(2);
        }

        @Test
        @DisplayName("events left for later run on the next call, and the clock can rest between events")
        void resumes() {
            kernel.schedule(70, log("x"));
            kernel.runUntil(30);
            assertThat(ran).isEmpty();
            assertThat(kernel.nanos()).isEqualTo(30);
            kernel.schedule(30, log("now")); // at the resting time: allowed
            kernel.runUntil(100);
            assertThat(ran).containsExactly("now@30", "x@70");
            assertThat(kernel.nanos()).isEqualTo(100);
        }

        @Test
        @DisplayName("on an empty list it just moves the clock, and running to now changes nothing")
        void emptyList() {
            kernel.runUntil(5 * MS);
            kernel.runUntil(5 * MS);
            assertThat(kernel.nanos()).isEqualTo(5 * MS);
            assertThat(kernel.eventsProcessed()).isZero();
        }
    }

    @Nested
    @DisplayName("stop")
    class Stop {

        @Test
        @DisplayName("stop from an event makes run return after that event; the next run carries on")
        void stopAndResume() {
            kernel.schedule(10, log("a"));
            kernel.schedule(20, () -> {
                ran.add("b@" + kernel.nanos());
                kernel.stop();
            });
            kernel.schedule(20, log("c"));
            kernel.run();
            assertThat(ran).containsExactly("a@10", "b@20");
            assertThat(kernel.nanos()).isEqualTo(20);
            kernel.run();
            assertThat(ran).containsExactly("a@10", "b@20", "c@20");
        }

        @Test
        @DisplayName("stop inside runUntil leaves the clock at the stopping event, not at the target")
        void stopInRunUntil() {
            kernel.schedule(10, kernel::stop);
            kernel.schedule(20, log("after"));
            kernel.runUntil(100);
            assertThat(kernel.nanos()).isEqualTo(10);
            assertThat(ran).isEmpty();
        }

        @Test
        @DisplayName("stop outside a run has no effect on the next run")
        void outsideRun() {
            kernel.schedule(10, log("a"));
            kernel.stop();
            kernel.run();
            assertThat(ran).containsExactly("a@10");
        }

        @Test
        @DisplayName("an event cannot start a run of its own kernel")
        void noReentry() {
            kernel.schedule(10, kernel::run);
            assertThatThrownBy(kernel::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
        }

        @Test
        @DisplayName("an exception from an event leaves the kernel usable, at that event's time")
        void failingEvent() {
            kernel.schedule(10, () -> {
                throw new IllegalStateException("boom");
            });
            kernel.schedule(20, log("next"));
            assertThatThrownBy(kernel::run).hasMessage("boom");
            assertThat(kernel.nanos()).isEqualTo(10);
            kernel.run();
            assertThat(ran).containsExactly("next@20");
        }
    }

    @Nested
    @DisplayName("clock and counters")
    class ClockAndCounters {

        @Test
        @DisplayName("the wall clock is the start epoch plus whole virtual milliseconds")
        void epoch() {
            assertThat(kernel.epochMillis()).isEqualTo(EPOCH_MILLIS);
            kernel.runUntil(2 * MS - 1);
            assertThat(kernel.epochMillis()).isEqualTo(EPOCH_MILLIS + 1);
            kernel.runUntil(2 * MS);
            assertThat(kernel.epochMillis()).isEqualTo(EPOCH_MILLIS + 2);
        }

        @Test
        @DisplayName("step runs one event at a time and says when there is none")
        void step() {
            kernel.schedule(10, log("a"));
            kernel.schedule(20, log("b"));
            assertThat(kernel.step()).isTrue();
            assertThat(ran).containsExactly("a@10");
            assertThat(kernel.step()).isTrue();
            assertThat(kernel.step()).isFalse();
            assertThat(kernel.eventsProcessed()).isEqualTo(2);
        }

        @Test
        @DisplayName("a kernel refuses an event list that already holds events")
        void nonEmptyList() {
            FourAryHeap list = new FourAryHeap();
            list.add(0, 0, () -> { });
            assertThatThrownBy(() -> new Kernel(0, list)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty event list");
        }
    }
}
