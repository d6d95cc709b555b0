package dev.ferry.api.admission;

import dev.ferry.time.Clock;

/**
 * A limit on the requests in flight that follows their latency (additive increase, multiplicative decrease, the way
 * Netflix's concurrency-limits {@code AIMDLimit} does): each request answered within the target lets the limit grow
 * by one while the server uses at least half of it, and by one per ten such answers while it uses less; each answered
 * later than the target cuts it by a tenth, at most once per target's length of time, so one slow group commit does
 * not empty it. The limit stays between {@code floor} and {@code ceiling}; a request is taken while fewer than the
 * limit are in flight.
 *
 * <p>Why it grows when little of it is used: a calm server must hold room for the burst that follows any pause (a
 * collection, a moment without a core), when the requests that arrived meanwhile are read at once. Grown only while
 * half was used, the load run's storm at half the server's capacity kept its limit near twice its usual in-flight
 * count, and with a 7 ms target a few such bursts were answered 429 (2026-12-04); grown this way, none were.
 *
 * <p>Why not a fixed count: the number of requests the server can hold without making them wait depends on what they
 * are and what else the machine runs; a fixed 1,024 let a spike queue half a second of work before the first 429,
 * a fixed 100 refused the storm's bursts the server had room for. Bounding the latency bounds the queue instead.
 *
 * <p>Safe for several event loops at once (its methods are synchronized; each is a few arithmetic steps).
 */
public final class LatencyLimit {

    private static final double DECREASE = 0.9;
    private static final int QUICK_ANSWERS_PER_IDLE_STEP = 10;

    private final Clock clock;
    private final long targetNanos;
    private final int floor;
    private final int ceiling;
    private double limit;
    private int inFlight;
    private long lastCutNanos;
    private boolean cutBefore;
    private int quickWhileIdle;

    /**
     * @param clock       the clock arrival and answer times are read from
     * @param targetNanos the latency an answered request may take without cutting the limit; 0 keeps the limit fixed
     *                    at {@code ceiling}
     * @param floor       the lowest the limit falls to, at least 1
     * @param ceiling     the highest it grows to (the server's {@code --max-in-flight}), at least {@code floor}
     */
    public LatencyLimit(Clock clock, long targetNanos, int floor, int ceiling) {
        if (targetNanos < 0 || floor < 1 || ceiling < floor) {
            throw new IllegalArgumentException("want target >= 0 and 1 <= floor <= ceiling, found " + targetNanos
                    + " ns, " + floor + ", " + ceiling);
        }
        this.clock = clock;
        this.targetNanos = targetNanos;
        this.floor = floor;
        this.ceiling = ceiling;
        this.limit = targetNanos == 0 ? ceiling : Math.min(ceiling, Math.max(floor, 100));
    }

    /**
     * Takes a request if the limit allows one more in flight.
     *
     * @return its arrival time in nanos (to hand to {@link #answered}), or -1 when it is refused
     */
    public synchronized long admit() {
        if (inFlight >= (int) limit) {
            return -1;
        }
        inFlight++;
        return clock.nanos();
    }

    /** A request taken at {@code arrivalNanos} has been answered. */
    public synchronized void answered(long arrivalNanos) {
        long now = clock.nanos();
        int busy = inFlight;
        inFlight--;
        if (targetNanos == 0) {
            return;
        }
        if (now - arrivalNanos > targetNanos) {
            if (!cutBefore || now - lastCutNanos >= targetNanos) {
                limit = Math.max(floor, limit * DECREASE);
                lastCutNanos = now;
                cutBefore = true;
            }
        } else if (busy * 2 >= limit) {
            limit = Math.min(ceiling, limit + 1);
        } else if (++quickWhileIdle == QUICK_ANSWERS_PER_IDLE_STEP) {
            quickWhileIdle = 0;
            limit = Math.min(ceiling, limit + 1);
        }
    }

    /** The requests that may be in flight now. */
    public synchronized int limit() {
        return (int) limit;
    }

    /** The requests taken and not yet answered. */
    public synchronized int inFlight() {
        return inFlight;
    }
}
