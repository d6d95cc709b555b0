package dev.ferry.migrate;

import java.util.Optional;

/** What a session needs on its target cluster, and the zone it would rather run in (e.g. near its data). */
public record SessionRequest(String sessionId, Resources resources, Optional<String> preferredZone) {

    public SessionRequest {
        Checks.name(sessionId, "sessionId");
        Checks.present(resources, "resources of session " + sessionId);
        Checks.present(preferredZone, "preferredZone of session " + sessionId);
        preferredZone.ifPresent(z -> Checks.name(z, "preferredZone of session " + sessionId));
    }

    /** A request with no zone preference. */
    public SessionRequest(String sessionId, Resources resources) {
        this(sessionId, resources, Optional.empty());
    }

    /** A request that prefers {@code zone}. */
    public SessionRequest(String sessionId, Resources resources, String zone) {
        this(sessionId, resources, Optional.of(zone));
    }
}
