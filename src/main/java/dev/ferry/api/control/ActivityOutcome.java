package dev.ferry.api.control;

/** What became of one activity report. */
public sealed interface ActivityOutcome {

    /** Recorded; {@code lastActivity} is what is stored now, later than or equal to the reported time. */
    record Recorded(long lastActivityEpochMillis) implements ActivityOutcome {
    }

    /** Further in the future than {@link ControlPlane#MAX_ACTIVITY_AHEAD_MILLIS} allows: refused. */
    record TooFarAhead(long reportedEpochMillis, long latestAcceptedEpochMillis) implements ActivityOutcome {
    }
}
