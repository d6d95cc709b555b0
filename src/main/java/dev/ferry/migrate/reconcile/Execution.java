package dev.ferry.migrate.reconcile;

import java.util.Optional;

/**
 * What applying a plan came to.
 *
 * @param applied  how many actions took effect, from the start of the plan
 * @param stopped  why the executor stopped before the end, if it did
 */
public record Execution(int applied, Optional<Stop> stopped) {

    /** The action that did not apply and why. {@code retryable} false means an operator should look. */
    public record Stop(Action action, Reason reason, boolean retryable, String message) {
    }

    /** Why the executor stopped. */
    public enum Reason {
        /** The Job changed since it was observed (or is gone): observe again now. */
        STALE,
        /** The API refused or did not answer. */
        API_ERROR
    }

    public static Execution complete(int applied) {
        return new Execution(applied, Optional.empty());
    }
}
