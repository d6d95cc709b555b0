package dev.ferry.sim;

/**
 * The harness's one unit of time: nanoseconds of the kernel's virtual clock. Durations are these
 * constants times a count; epoch milliseconds appear only where a product port speaks them
 * (activity timestamps, the reconciler's wake-ups) and are converted there.
 */
public final class VirtualTime {

    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000 * MILLISECOND;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;

    private VirtualTime() {
    }

    /** {@code hours} (a workload's figure) as virtual time, rounded down to the nanosecond. */
    public static long hours(double hours) {
        return (long) (hours * HOUR);
    }
}
