package dev.ferry.tracker.activity;

/** One reading of an {@link ActivitySource}. */
public sealed interface ActivityReading {

    /** The user was last active at {@code epochMillis} (the source's wall clock). */
    record Seen(long epochMillis) implements ActivityReading {
    }

    /** The source did not answer, or answered something that is not an activity time. */
    record Failed(String detail) implements ActivityReading {
    }
}
