package dev.ferry.tracker.upload;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How the uploader waits after a request that did not get through: exponential backoff from {@code first}, doubling
 * up to {@code cap}; a server's Retry-After is honoured up to {@code longestRetryAfter}; a refused token is tried
 * again every {@code unauthorized}. The uploader spreads every wait at random (the methods that take a
 * {@link RandomGenerator}), so that thousands of trackers that failed together (the control plane was down) do not
 * all retry in the same instant.
 */
public record RetryPolicy(Duration first, Duration cap, Duration longestRetryAfter, Duration unauthorized) {

    /** 1 s, 2 s, 4 s, ... up to 60 s; Retry-After up to 10 min; a refused token every 5 min. */
    public static final RetryPolicy DEFAULTS = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(10), Duration.ofMinutes(5));

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || longestRetryAfter.isNegative()
                || unauthorized.isNegative() || unauthorized.isZero()) {
            throw new IllegalArgumentException("retry delays must be positive and the cap at least the first delay: "
                    + first + ", " + cap + ", " + longestRetryAfter + ", " + unauthorized);
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 or more). */
    public long backoffNanos(int failures) {
        long delay = first.toNanos();
        long capNanos = cap.toNanos();
        for (int i = 1; i < failures && delay < capNanos; i++) {
            delay = delay > capNanos / 2 ? capNanos : delay * 2;
        }
        return Math.min(delay, capNanos);
    }

    /**
     * {@code nanos} spread at random over its upper half, [nanos / 2, nanos], drawn from {@code random}: after an
     * outage 3,500 trackers' retries come spread over half the interval instead of in one burst, and none retries
     * sooner than half the delay. A draw of 0 gives {@code nanos} itself.
     */
    public static long jittered(long nanos, RandomGenerator random) {
        return nanos - (long) (nanos / 2 * random.nextDouble());
    }

    /** The backoff after the {@code failures}-th failure in a row, {@link #jittered}. */
    public long backoffNanos(int failures, RandomGenerator random) {
        return jittered(backoffNanos(failures), random);
    }

    /**
     * The wait after a 429: what it asked for (see {@link #overloadedNanos(long, int)}) plus up to half of it again
     * at random, since a server's Retry-After is a least wait; with no Retry-After, the jittered backoff.
     */
    public long overloadedNanos(long retryAfterNanos, int failures, RandomGenerator random) {
        if (retryAfterNanos < 0) {
            return backoffNanos(failures, random);
        }
        long asked = overloadedNanos(retryAfterNanos, failures);
        return asked + (long) (asked / 2 * random.nextDouble());
    }

    /** The wait before a refused token is tried again, {@link #jittered}. */
    public long unauthorizedNanos(RandomGenerator random) {
        return jittered(unauthorized.toNanos(), random);
    }

    /** The wait a 429 asks for, no shorter than {@code first} and no longer than {@code longestRetryAfter}; with no Retry-After, the backoff. */
    public long overloadedNanos(long retryAfterNanos, int failures) {
        if (retryAfterNanos < 0) {
            return backoffNanos(failures);
        }
        return Math.max(first.toNanos(), Math.min(retryAfterNanos, longestRetryAfter.toNanos()));
    }
}
