package dev.ferry.api.control;

import dev.ferry.migrate.reconcile.LeaseStatus;
import dev.ferry.migrate.reconcile.Leases;
import dev.ferry.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions' leases (DESIGN.md's fencing), on the injected clock: at most one instance of a session holds its
 * lease at any instant. A request from the holder renews it for the TTL; from anyone else it is granted only once
 * the lease has expired or been released, and the new holder's {@code acquiredAt} is then. The scheduler reads
 * them through the {@link Leases} port and may start a session elsewhere only after its lease expired plus a
 * safety margin ({@code migrate.reconcile.Takeover}).
 *
 * <p>Kept in memory: a control plane that restarts forgets every lease, and a session with no lease known is never
 * started elsewhere while its cluster is out of sight (the safe default), while the agents simply take their
 * leases again at their next renewal. Safe to call from many threads.
 */
public final class SessionLeases implements Leases {

    /** The TTL the simulation and {@code ferry serve} grant unless told otherwise. */
    public static final long STANDARD_TTL_MILLIS = 5 * 60_000L;

    private record Held(LeaseHolder holder, long acquiredAt, long expiresAt, boolean released) {
        boolean liveAt(long now) {
            return !released && now < expiresAt;
        }
    }

    private final Clock clock;
    private final long ttlMillis;
    private final ConcurrentHashMap<String, Held> leases = new ConcurrentHashMap<>();

    public SessionLeases(Clock clock, long ttlMillis) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttlMillis <= 0) {
            throw new IllegalArgumentException("a lease's TTL must be more than 0 ms, found " + ttlMillis);
        }
        this.ttlMillis = ttlMillis;
    }

    public long ttlMillis() {
        return ttlMillis;
    }

    /** Grants or renews {@code sessionId}'s lease to {@code holder}, unless another instance holds it now. */
    public LeaseOutcome renew(String sessionId, LeaseHolder holder) {
        requireValid(sessionId);
        Objects.requireNonNull(holder, "holder");
        long now = clock.epochMillis();
        Held after = leases.compute(sessionId, (id, held) -> {
            if (held != null && held.liveAt(now)) {
                return held.holder().equals(holder) ? new Held(holder, held.acquiredAt(), now + ttlMillis, false)
                        : held;
            }
            return new Held(holder, now, now + ttlMillis, false);
        });
        return after.holder().equals(holder) ? new LeaseOutcome.Granted(after.expiresAt(), ttlMillis)
                : new LeaseOutcome.HeldByAnother(after.holder().place(), after.expiresAt());
    }

    /**
     * {@code holder} gives the lease back (its instance stopped cleanly): it expires now. True if it held the
     * lease; a release by anyone else changes nothing.
     */
    public boolean release(String sessionId, LeaseHolder holder) {
        requireValid(sessionId);
        long now = clock.epochMillis();
        boolean[] released = {false};
        leases.computeIfPresent(sessionId, (id, held) -> {
            if (held.holder().equals(holder) && held.liveAt(now)) {
                released[0] = true;
                return new Held(holder, held.acquiredAt(), Math.max(held.acquiredAt(), now), true);
            }
            return held;
        });
        return released[0];
    }

    @Override
    public Optional<LeaseStatus> lease(String sessionId) {
        Held held = leases.get(sessionId);
        return held == null ? Optional.empty() : Optional.of(new LeaseStatus(held.holder().place(), held.acquiredAt(),
                held.expiresAt(), held.released()));
    }

    private static void requireValid(String sessionId) {
        if (!SessionId.valid(sessionId)) {
            throw new IllegalArgumentException(SessionId.rule());
        }
    }
}
