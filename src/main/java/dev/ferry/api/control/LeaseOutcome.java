package dev.ferry.api.control;

/** What became of a request for a session's lease ({@link SessionLeases#renew}). */
public sealed interface LeaseOutcome {

    /**
     * The caller holds the lease for {@code ttlMillis} from the moment it sent the request (the agent counts from
     * then, on its own clock, so it stops no later than the control plane's {@code expiresAtMillis}).
     */
    record Granted(long expiresAtMillis, long ttlMillis) implements LeaseOutcome {
    }

    /** Another instance holds it until {@code expiresAtMillis}: the caller must not become usable. */
    record HeldByAnother(String place, long expiresAtMillis) implements LeaseOutcome {
    }
}
