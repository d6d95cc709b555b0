package dev.ferry.time;

import java.util.Comparator;

/** A task due at a time, ordered by time and then by the order it was scheduled in. */
final class TimedTask implements Timer.Scheduled {

    static final Comparator<TimedTask> ORDER =
            Comparator.<TimedTask>comparingLong(t -> t.atNanos).thenComparingLong(t -> t.sequence);

    final long atNanos;
    final long sequence;
    final Runnable task;
    private boolean cancelled;

    TimedTask(long atNanos, long sequence, Runnable task) {
        this.atNanos = atNanos;
        this.sequence = sequence;
        this.task = task;
    }

    @Override
    public synchronized void cancel() {
        cancelled = true;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }
}
