package dev.ferry.tracker.debounce;

import java.time.Duration;

/**
 * The time constants of the pip-aware debouncer.
 *
 * @param settle    quiet time after the last event when no package operation looks unfinished
 * @param strayHold quiet time when the only sign of work is a new top-level entry that no
 *                  distribution has claimed yet (pip writes some modules before their dist-info)
 * @param dependencyHold quiet time after a distribution that pip installed as a dependency (no
 *                  {@code REQUESTED}), since what depends on it comes next
 * @param busyHold  quiet time when a distribution is half-written, a {@code ~} stash or an R
 *                  {@code 00LOCK} exists: long enough to cover pip byte-compiling silently
 * @param maxWait   upper bound from the first unflushed event, so a never-ending storm still
 *                  checkpoints
 */
public record DebounceSettings(Duration settle, Duration strayHold, Duration dependencyHold, Duration busyHold,
                               Duration maxWait) {

    /** Chosen on the recorded traces (see README, "How the tracker coalesces"). */
    public static final DebounceSettings DEFAULTS = new DebounceSettings(
            Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    public DebounceSettings {
        if (settle.isNegative() || strayHold.compareTo(settle) < 0 || dependencyHold.compareTo(settle) < 0
                || busyHold.compareTo(strayHold) < 0 || busyHold.compareTo(dependencyHold) < 0
                || maxWait.compareTo(settle) < 0) {
            throw new IllegalArgumentException("debounce settings must satisfy 0 <= settle <= strayHold, dependencyHold"
                    + " <= busyHold and settle <= maxWait: " + this);
        }
    }
}
