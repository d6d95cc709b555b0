package dev.ferry.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The migration state the scheduler keeps on a session's Job, so a scheduler that crashed resumes from the
 * clusters. Encoded as three annotations; {@link #parse(Map)} reports what is missing or malformed as a value
 * instead of throwing, since the annotations can be edited by anyone with access to the cluster.
 *
 * @param checkpointGeneration the checkpoint generation the session restores from, 0 or more
 * @param state                where the migration stands
 * @param startedEpochMillis   when the migration started, wall clock in ms since the epoch (from the caller's clock)
 */
public record MigrationAnnotations(long checkpointGeneration, MigrationState state, long startedEpochMillis) {

    public static final String CHECKPOINT_GENERATION = "ferry.dev/checkpoint-generation";
    public static final String MIGRATION_STATE = "ferry.dev/migration-state";
    public static final String MIGRATION_STARTED = "ferry.dev/migration-started";

    public MigrationAnnotations {
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
    public MigrationAnnotations withState(MigrationState next) {
        return new MigrationAnnotations(checkpointGeneration, next, startedEpochMillis);
    }

    /** The three annotations, in a fixed order. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(CHECKPOINT_GENERATION, Long.toString(checkpointGeneration));
        map.put(MIGRATION_STATE, state.wireName());
        map.put(MIGRATION_STARTED, Long.toString(startedEpochMillis));
        return map;
    }

    /** Reads a resource's annotations; see {@link #parse(Map)}. */
    public static Parsed of(HasMetadata resource) {
        return parse(resource.getMetadata() == null ? null : resource.getMetadata().getAnnotations());
    }

    /** Reads the three annotations from {@code annotations} (null reads as empty); other keys are ignored. */
    public static Parsed parse(Map<String, String> annotations) {
        Map<String, String> in = annotations == null ? Map.of() : annotations;
        List<String> problems = new ArrayList<>();
        long generation = number(in, CHECKPOINT_GENERATION, problems);
        MigrationState state = null;
        String wire = in.get(MIGRATION_STATE);
        if (wire == null) {
            problems.add(MIGRATION_STATE + " is missing");
        } else {
            state = MigrationState.fromWireName(wire).orElse(null);
            if (state == null) {
                problems.add(MIGRATION_STATE + ": unknown state " + Names.quote(wire) + " (known: "
                        + Arrays.stream(MigrationState.values()).map(MigrationState::wireName)
                                .collect(Collectors.joining(", ")) + ")");
            }
        }
        long started = number(in, MIGRATION_STARTED, problems);
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        return new Valid(new MigrationAnnotations(generation, state, started));
    }

    private static long number(Map<String, String> in, String key, List<String> problems) {
        String text = in.get(key);
        if (text == null) {
            problems.add(key + " is missing");
            return -1;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + ": " + Names.quote(text) + " is not a non-negative integer");
        return -1;
    }

    /** What {@link #parse(Map)} found: the annotations, or every problem with them. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    /** All three annotations were present and well-formed. */
    public record Valid(MigrationAnnotations annotations) implements Parsed {
    }

    /** One message per missing or malformed annotation, naming it. */
    public record Invalid(List<String> problems) implements Parsed {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
