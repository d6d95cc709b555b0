package dev.ferry.migrate;

import java.util.List;

/**
 * What the scheduler records about one session's migration on its target cluster, so a scheduler that crashed
 * resumes from the clusters. The adapter stores it in its own format and, since anyone with access to the cluster
 * can edit that, reads it back as a {@link Parsed} value instead of throwing.
 *
 * @param checkpointGeneration the checkpoint generation the session restores from, 0 or more
 * @param state                where the migration stands
 * @param startedEpochMillis   when the migration started, wall clock in ms since the epoch (from the caller's clock)
 */
public record MigrationRecord(long checkpointGeneration, MigrationState state, long startedEpochMillis) {

    public MigrationRecord {
        if (checkpointGeneration < 0) {
            throw new IllegalArgumentException("checkpoint generation must be 0 or more, got " + checkpointGeneration);
        }
        if (state == null) {
            throw new IllegalArgumentException("migration state is missing");
        }
        if (startedEpochMillis < 0) {
            throw new IllegalArgumentException("migration start must be 0 or more epoch ms, got " + startedEpochMillis);
        }
    }

    /** The same migration in another state. */
    public MigrationRecord withState(MigrationState next) {
        return new MigrationRecord(checkpointGeneration, next, startedEpochMillis);
    }

    /** What reading a record back came to: the record, or every problem with what was stored. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    /** The record was complete and well-formed. */
    public record Valid(MigrationRecord record) implements Parsed {
    }

    /** One message per missing or malformed part, naming it. */
    public record Invalid(List<String> problems) implements Parsed {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
