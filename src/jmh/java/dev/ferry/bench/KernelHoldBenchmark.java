package dev.ferry.bench;

import dev.ferry.des.Kernel;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The classic hold model: the event list holds {@code size} pending events; one op takes the
 * earliest and schedules its successor at its time plus an increment, so the list stays at
 * {@code size}. Increments are pre-generated (exponential, mean 1 ms, in whole nanoseconds) and read
 * with {@code index++ & MASK}. Side by side:
 * <ul>
 *   <li>{@code FERRY_KERNEL}: {@link Kernel#step()} runs one event, whose task schedules its
 *       successor through {@link Kernel#schedule(long, Runnable)}, as simulation code does;</li>
 *   <li>{@code PRIORITY_QUEUE}: the floor, a bare {@link PriorityQueue} of small event objects
 *       ordered by time then sequence, with no task to run; a new object per schedule;</li>
 *   <li>{@code SSJ}: SSJ 3.3.2's {@link Simulator} on its default event list (a splay tree), one
 *       turn of its loop per op: take the first event, run its {@code actions()}, which reschedule it.</li>
 * </ul>
 * Target (issue): the kernel within 2x of the bare priority queue.
 *
 * <p>Run:
 * <pre>{@code
 * mvn -q -Pbench verify -Dmaven.test.skip=true -Djmh.args="-f 1 -wi 3 -i 5 -w 1s -r 1s KernelHoldBenchmark"
 * }</pre>
 * Add {@code -prof gc} to {@code jmh.args} for allocation per op ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
public class KernelHoldBenchmark {

    /** Pre-generated increments; a power of two so the index wraps with a mask. */
    private static final int INCREMENTS = 1 << 16;
    private static final int MASK = INCREMENTS - 1;
    private static final double MEAN_INCREMENT_NANOS = 1_000_000;

    /** The event lists measured side by side; each constant builds one, pre-filled. */
    public enum Impl {
        FERRY_KERNEL {
            @Override
            Hold create(int size, long[] increments) {
                return new KernelHold(size, increments);
            }
        },
        PRIORITY_QUEUE {
            @Override
            Hold create(int size, long[] increments) {
                return new QueueHold(size, increments);
            }
        },
        SSJ {
            @Override
            Hold create(int size, long[] increments) {
                return new SsjHold(size, increments);
            }
        };

        abstract Hold create(int size, long[] increments);
    }

    @Param
    public Impl impl;

    /** Pending events in the list. */
    @Param({"1000", "100000"})
    public int size;

    private Hold hold;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261128L);
        long[] increments = new long[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = 1 + (long) (-MEAN_INCREMENT_NANOS * Math.log(1 - random.nextDouble()));
        }
        hold = impl.create(size, increments);
    }

    /** One hold step; returns the time of the event taken. */
    @Benchmark
    public long hold() {
        return hold.step();
    }

    /** One implementation under the hold model. */
    interface Hold {
        /** Takes the earliest event, schedules its successor, and returns the time taken. */
        long step();
    }

    /** The kernel: one task instance, each run scheduling the next at now plus an increment. */
    static final class KernelHold implements Hold, Runnable {
        private final Kernel kernel = new Kernel(0);
        private final long[] increments;
        private int index;

        KernelHold(int size, long[] increments) {
            this.increments = increments;
            for (int i = 0; i < size; i++) {
                kernel.schedule(increments[index++ & MASK], this);
            }
        }

        @Override
        public void run() {
            kernel.schedule(kernel.nanos() + increments[index++ & MASK], this);
        }

        @Override
        public long step() {
            kernel.step();
            return kernel.nanos();
        }
    }

    /** The floor: a bare priority queue loop. */
    static final class QueueHold implements Hold {

        static final class Ev implements Comparable<Ev> {
            final long time;
            final long sequence;

            Ev(long time, long sequence) {
                this.time = time;
                this.sequence = sequence;
            }

            @Override
            public int compareTo(Ev o) {
                int c = Long.compare(time, o.time);
                return c != 0 ? c : Long.compare(sequence, o.sequence);
            }
        }

        private final PriorityQueue<Ev> queue;
        private final long[] increments;
        private int index;
        private long sequence;

        QueueHold(int size, long[] increments) {
            this.increments = increments;
            this.queue = new PriorityQueue<>(size + 1);
            for (int i = 0; i < size; i++) {
                queue.add(new Ev(increments[index++ & MASK], sequence++));
            }
        }

        @Override
        public long step() {
            long now = queue.poll().time;
            queue.add(new Ev(now + increments[index++ & MASK], sequence++));
            return now;
        }
    }

    /** SSJ: the body of {@link Simulator#start()}'s loop, one turn per op. */
    static final class SsjHold extends Simulator implements Hold {
        private final long[] increments;
        private int index;

        /** Reschedules itself, as SSJ models do: {@code schedule(delay)} is from the simulator's now. */
        final class Reschedule extends Event {
            Reschedule() {
                super(SsjHold.this);
            }

            @Override
            public void actions() {
                schedule(increments[index++ & MASK]);
            }
        }

        SsjHold(int size, long[] increments) {
            this.increments = increments;
            for (int i = 0; i < size; i++) {
                new Reschedule().schedule(increments[index++ & MASK]);
            }
            stopped = false; // what start() does before its loop; removeFirstEvent() answers null while stopped
        }

        @Override
        public long step() {
            Event event = removeFirstEvent();
            event.actions();
            return (long) currentTime;
        }
    }
}
