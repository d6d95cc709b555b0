package dev.ferry.time;

/** The machine's clocks: {@link System#nanoTime()} for intervals, the wall clock for stamps. */
public final class SystemClock implements Clock {

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public long epochMillis() {
        return System.currentTimeMillis();
    }
}
