package dev.ferry.time;

/**
 * A source of time for product code. {@link #nanos()} is a monotonic tick count used for every
 * interval and deadline; {@link #epochMillis()} is the wall clock, used only to stamp output.
 * In production both come from the system; in the simulation both are virtual.
 */
public interface Clock {

    /** Monotonic time in nanoseconds; only differences between two readings are meaningful. */
    long nanos();

    /** Wall-clock time in milliseconds since the Unix epoch, for timestamps that humans read. */
    long epochMillis();
}
