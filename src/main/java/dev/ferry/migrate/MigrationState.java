package dev.ferry.migrate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one session's migration stands, as the scheduler records it on the target cluster (see
 * {@link MigrationRecord}) so that a scheduler that crashed resumes from it. Records and reports name a state by
 * {@link #wireName()}, e.g. {@code stopping-source}.
 */
public enum MigrationState {
    /** Chosen for migration, nothing done yet. */
    PENDING,
    /** Waiting for a fresh checkpoint and no install in progress. */
    BARRIER,
    /** The source session is being stopped. */
    STOPPING_SOURCE,
    /** The Job is being created on the target cluster. */
    CREATING,
    /** The Job exists; its pod is being scheduled, pulling, mounting, starting. */
    STARTING,
    /** The pod runs; the restore of the user's packages is being checked. */
    VERIFYING,
    /** Migrated: the session runs on Kubernetes only. */
    DONE,
    /** Something failed; the target is being removed and the source restarted. */
    ROLLING_BACK,
    /** Rolled back: the session runs on the source only. */
    ROLLED_BACK,
    /** Neither migrated nor rolled back; needs an operator. */
    FAILED;

    /** The name records and reports use: the constant's name in lower case with {@code -} for {@code _}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state whose {@link #wireName()} is {@code wire}, if any. */
    public static Optional<MigrationState> fromWireName(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst();
    }

    /** Whether the migration has ended one way or the other (the scheduler acts on it no more). */
    public boolean terminal() {
        return this == DONE || this == ROLLED_BACK || this == FAILED;
    }
}
