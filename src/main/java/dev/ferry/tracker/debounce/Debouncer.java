package dev.ferry.tracker.debounce;

import dev.ferry.tracker.watch.FsEvent;

/**
 * Decides when the events of one environment have settled enough to snapshot it. Callers report
 * each event with the time it was seen, ask {@link #deadline()}, and call {@link #flushed(long)}
 * once they have taken the snapshot. Implementations never read a clock.
 */
public interface Debouncer {

    /** Deadline value meaning nothing is waiting to be flushed. */
    long NONE = Long.MAX_VALUE;

    /** Records one event seen at {@code nowNanos}. */
    void onEvent(FsEvent event, long nowNanos);

    /** When to snapshot next, in clock nanoseconds, or {@link #NONE}. */
    long deadline();

    /** Reports that a snapshot was taken at {@code nowNanos}; the events recorded so far are covered. */
    void flushed(long nowNanos);

    /**
     * Whether the events say a package operation is half-done now (an open distribution, a stash, a lock), so the
     * environment is not in a state worth migrating. A debouncer that reads no such signs says never.
     */
    default boolean operationInProgress() {
        return false;
    }
}
