package dev.ferry.cluster.kube;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link MigrationRecord} as the scheduler keeps it on a session's Job: three annotations. {@link #parse(Map)}
 * reports what is missing or malformed as a value instead of throwing, since the annotations can be edited by anyone
 * with access to the cluster.
 */
public final class MigrationAnnotations {

    public static final String CHECKPOINT_GENERATION = "ferry.dev/checkpoint-generation";
    public static final String MIGRATION_STATE = "ferry.dev/migration-state";
    public static final String MIGRATION_STARTED = "ferry.dev/migration-started";

    private MigrationAnnotations() {
    }

    /** The three annotations of {@code record}, in a fixed order. */
    public static Map<String, String> toMap(MigrationRecord record) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(CHECKPOINT_GENERATION, Long.toString(record.checkpointGeneration()));
        map.put(MIGRATION_STATE, record.state().wireName());
        map.put(MIGRATION_STARTED, Long.toString(record.startedEpochMillis()));
        return map;
    }

    /** Reads a resource's annotations; see {@link #parse(Map)}. */
    public static MigrationRecord.Parsed of(HasMetadata resource) {
        return parse(resource.getMetadata() == null ? null : resource.getMetadata().getAnnotations());
    }

    /** Reads the three annotations from {@code annotations} (null reads as empty); other keys are ignored. */
    public static MigrationRecord.Parsed parse(Map<String, String> annotations) {
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
            return new MigrationRecord.Invalid(problems);
        }
        return new MigrationRecord.Valid(new MigrationRecord(generation, state, started));
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
}
