package dev.ferry.migrate.reconcile;

import java.util.Objects;

/**
 * A session's lease as the scheduler judges it: what the control plane holds, and the instant from which no instance
 * of the session can still be usable under it, its expiry plus the scheduler's safety margin (the clock-skew bound:
 * see {@link LeaseReadings}).
 */
public record SessionLease(LeaseStatus status, long safeAfterMillis) {

    public SessionLease {
        Objects.requireNonNull(status, "status");
        if (safeAfterMillis < status.expiresAtMillis()) {
            throw new IllegalArgumentException("a lease is safe to ignore no earlier than it expires");
        }
    }

    /** Whether every instance that held it has stopped by {@code nowMillis}. */
    public boolean safeToIgnoreAt(long nowMillis) {
        return nowMillis >= safeAfterMillis;
    }
}
