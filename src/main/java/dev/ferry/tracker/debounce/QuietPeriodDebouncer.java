package dev.ferry.tracker.debounce;

import dev.ferry.tracker.watch.FsEvent;

/**
 * The classic debouncer: snapshot once no event has arrived for a fixed quiet period, or once
 * {@code maxWait} has passed since the first unflushed event. Kept as the yardstick the pip-aware
 * debouncer is measured against.
 */
public final class QuietPeriodDebouncer implements Debouncer {

    private final long quietNanos;
    private final long maxWaitNanos;
    private boolean dirty;
    private long firstEvent;
    private long lastEvent;

    public QuietPeriodDebouncer(long quietNanos, long maxWaitNanos) {
        this.quietNanos = quietNanos;
        this.maxWaitNanos = maxWaitNanos;
    }

    @Override
    public void onEvent(FsEvent event, long nowNanos) {
        if (!dirty) {
            dirty = true;
            firstEvent = nowNanos;
        }
        lastEvent = nowNanos;
    }

    @Override
    public long deadline() {
        if (!dirty) {
            return NONE;
        }
        return Math.min(lastEvent + quietNanos, firstEvent + maxWaitNanos);
    }

    @Override
    public void flushed(long nowNanos) {
        dirty = false;
    }
}
