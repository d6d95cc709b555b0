package dev.ferry.time;

import java.util.PriorityQueue;

/**
 * A clock and timer that move only when told to: tests and trace replay call
 * {@link #advanceTo(long)}, which runs every task due by then in time order, each at its own time.
 * Single-threaded by design.
 */
public final class ManualTime implements Clock, Timer {

    private final PriorityQueue<TimedTask> pending = new PriorityQueue<>(TimedTask.ORDER);
    private final long epochMillisAtZero;
    private long now;
    private long sequence;

    /** Starts at tick {@code startNanos}; the wall clock reads {@code epochMillisAtZero} at tick 0. */
    public ManualTime(long startNanos, long epochMillisAtZero) {
        this.now = startNanos;
        this.epochMillisAtZero = epochMillisAtZero;
    }

    public ManualTime() {
        this(0, 0);
    }

    @Override
    public long nanos() {
        return now;
    }

    @Override
    public long epochMillis() {
        return epochMillisAtZero + Math.floorDiv(now, 1_000_000L);
    }

    @Override
    public Scheduled schedule(long atNanos, Runnable task) {
        TimedTask timed = new TimedTask(Math.max(atNanos, now), sequence++, task);
        pending.add(timed);
        return timed;
    }

    /** Runs every task due at or before {@code targetNanos}, then leaves the clock there. */
    public void advanceTo(long targetNanos) {
        if (targetNanos < now) {
            throw new IllegalArgumentException("time cannot go back: now " + now + ", asked " + targetNanos);
        }
        while (!pending.isEmpty() && pending.peek().atNanos <= targetNanos) {
            TimedTask next = pending.poll();
            now = next.atNanos;
            if (!next.cancelled()) {
                next.task.run();
            }
        }
        now = targetNanos;
    }

    /** Advances by {@code deltaNanos}; see {@link #advanceTo(long)}. */
    public void advanceBy(long deltaNanos) {
        advanceTo(now + deltaNanos);
    }

    /** Runs every pending task, however far in the future, and returns the time of the last. */
    public long runAll() {
        while (!pending.isEmpty()) {
            advanceTo(pending.peek().atNanos);
        }
        return now;
    }

    /** Tasks scheduled, not cancelled and not yet run. */
    public int pendingCount() {
        return (int) pending.stream().filter(t -> !t.cancelled()).count();
    }
}
