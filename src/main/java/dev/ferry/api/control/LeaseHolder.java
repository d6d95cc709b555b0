package dev.ferry.api.control;

import dev.ferry.migrate.reconcile.LeaseStatus;
import java.util.Objects;

/**
 * Who asks for a session's lease: one instance of the session, named by where it runs ({@link LeaseStatus#SOURCE}
 * or a target cluster's name) and by something that tells it from every other instance there (a pod's name, a
 * Peloton run). Both follow {@link SessionId}'s rule, so neither reaches a log line or the store unchecked.
 */
public record LeaseHolder(String place, String instance) {

    public LeaseHolder {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(instance, "instance");
        if (!SessionId.valid(place) || !SessionId.valid(instance)) {
            throw new IllegalArgumentException("a lease holder's place and instance: " + SessionId.rule());
        }
    }
}
