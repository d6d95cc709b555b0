package dev.ferry.sim.migration;

import dev.ferry.migrate.reconcile.HoldReason;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A session still running on the source at the end of a run, and why: the reason the scheduler's latest full pass
 * held it back for (the {@link HoldReason} of the overview it publishes to the control plane, as operators read it),
 * or {@link #NOT_HELD} when that pass did not hold it back (it came back to the source, or was revealed to the
 * scheduler, after that pass).
 *
 * @param session   its place in the run's list of sessions (sessions.csv's {@code session})
 * @param sessionId its name on Peloton and Kubernetes
 * @param reason    the hold's code ({@code no-capacity}, {@code not-idle}, ...) or {@link #NOT_HELD}
 * @param detail    the hold's sentence for operators, empty for {@link #NOT_HELD}
 */
public record StillOnSource(int session, String sessionId, String reason, String detail) {

    /** The latest full pass did not hold the session back. */
    public static final String NOT_HELD = "not-held";

    public StillOnSource {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Session {@code session} on the source, held back by the latest full pass for {@code held}, if it was. */
    static StillOnSource of(int session, String sessionId, Optional<HoldReason> held) {
        return held.map(h -> new StillOnSource(session, sessionId, h.code(), h.describe()))
                .orElseGet(() -> new StillOnSource(session, sessionId, NOT_HELD, ""));
    }

    /** How many of {@code sessions} are there for each reason, by the reason's code. */
    public static SortedMap<String, Integer> byReason(List<StillOnSource> sessions) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        sessions.forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
        return Collections.unmodifiableSortedMap(counts);
    }
}
