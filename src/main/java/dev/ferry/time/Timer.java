package dev.ferry.time;

/**
 * Runs a task at a point in {@link Clock#nanos()} time. Tasks run one at a time on the timer's own
 * thread of control (the event loop in production, the kernel in the simulation), so code driven by
 * a timer needs no locks as long as all its entry points go through the same timer.
 */
public interface Timer {

    /**
     * Schedules {@code task} to run once when the clock reaches {@code atNanos}. Callers must not
     * pass a time before {@link Clock#nanos()}: the simulation kernel rejects it.
     */
    Scheduled schedule(long atNanos, Runnable task);

    /** A pending task that can be cancelled before it runs. */
    interface Scheduled {
        /** Prevents the task from running if it has not run yet; harmless otherwise. */
        void cancel();
    }
}
