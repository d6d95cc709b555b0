package dev.ferry.tracker.upload;

import java.time.Duration;

/**
 * How the uploader waits after a request that did not get through: exponential backoff from {@code first}, doubling
 * up to {@code cap}; a server's Retry-After is honoured up to {@code longestRetryAfter}; a refused token is tried
 * again every {@code unauthorized}.
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

    /** The wait a 429 asks for, no shorter than {@code first} and no longer than {@code longestRetryAfter}; with no Retry-After, the backoff. */
    public long overloadedNanos(long retryAfterNanos, int failures) {
        if (retryAfterNanos < 0) {
            return backoffNanos(failures);
        }
        return Math.max(first.toNanos(), Math.min(retryAfterNanos, longestRetryAfter.toNanos()));
    }
}
