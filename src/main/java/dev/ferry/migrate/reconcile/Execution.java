package dev.ferry.migrate.reconcile;

import java.util.List;
import java.util.Optional;

/**
 * What applying a plan came to.
 *
 * @param applied  how many actions took effect
 * @param stops    the actions that did not apply and why, in plan order (at most one per session: a session's
 *                 later actions depend on its earlier ones and are skipped)
 */
public record Execution(int applied, List<Stop> stops) {

    public Execution {
        stops = List.copyOf(stops);
    }

    /** The action that did not apply and why. {@code retryable} false means an operator should look. */
    public record Stop(Action action, Reason reason, boolean retryable, String message) {
    }

    /** Why an action did not apply. */
    public enum Reason {
        /** The Job changed since it was observed (or is gone): observe again now. */
        STALE,
        /** The API refused or did not answer. */
        API_ERROR
    }

    public static Execution complete(int applied) {
        return new Execution(applied, List.of());
    }

    /** The first action that did not apply, if any. */
    public Optional<Stop> stopped() {
        return stops.stream().findFirst();
    }

    /** Whether some action found its Job changed since the observation. */
    public boolean anyStale() {
        return stops.stream().anyMatch(s -> s.reason() == Reason.STALE);
    }

    /** Whether some action failed with an error worth retrying soon. */
    public boolean anyRetryable() {
        return stops.stream().anyMatch(s -> s.reason() == Reason.API_ERROR && s.retryable());
    }
}
