package dev.ferry.migrate.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * Adds each observed session's lease to an observation, so that {@link Reconciler#decide} can apply
 * {@link Takeover}'s rule. Read after the clusters, once per pass; a scheduler without leases ({@link #NONE})
 * observes none and keeps the safe default.
 *
 * <p>The margin is the clock-skew bound. An agent stops when its own monotonic clock says the TTL has passed since it
 * sent its last granted request, which is no later than the control plane's expiry if both clocks run at the same
 * rate. The margin covers: the offset between the scheduler's wall clock and the control plane's (they compare the
 * control plane's expiry with the scheduler's now), the agent's clock running slow over one TTL, and the time its
 * fencing takes to stop the kernels. With NTP-disciplined hosts (offset well under 1 s, rate error under 500 ppm, i.e.
 * 0.15 s over a 5 min TTL) and a fence that takes seconds, the standard 60 s is a wide bound.
 */
public final class LeaseReadings {

    /** No leases read. */
    public static final LeaseReadings NONE = new LeaseReadings(Leases.NONE, 0);

    /** The standard safety margin after a lease's expiry. */
    public static final long STANDARD_MARGIN_MILLIS = 60_000L;

    private final Leases leases;
    private final long marginMillis;

    public LeaseReadings(Leases leases, long marginMillis) {
        this.leases = Objects.requireNonNull(leases, "leases");
        if (marginMillis < 0) {
            throw new IllegalArgumentException("the safety margin must be 0 or more, found " + marginMillis);
        }
        this.marginMillis = marginMillis;
    }

    public long marginMillis() {
        return marginMillis;
    }

    public Observation attach(Observation snapshot) {
        if (leases == Leases.NONE) {
            return snapshot;
        }
        List<SessionObservation> sessions = snapshot.sessions().stream()
                .map(s -> s.withLease(leases.lease(s.sessionId())
                        .map(l -> new SessionLease(l, l.expiresAtMillis() + marginMillis))))
                .toList();
        return new Observation(snapshot.clusters(), sessions, snapshot.unreachable(), snapshot.everyJob());
    }
}
