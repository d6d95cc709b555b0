package dev.ferry.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationRecord.Invalid;
import dev.ferry.migrate.MigrationRecord.Parsed;
import dev.ferry.migrate.MigrationRecord.Valid;
import dev.ferry.migrate.MigrationState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The migration state kept in a Job's annotations reads back as written, and bad annotations are reported")
class MigrationAnnotationsTest {

    private static final String GENERATION = "ferry.dev/checkpoint-generation";
    private static final String STATE = "ferry.dev/migration-state";
    private static final String STARTED = "ferry.dev/migration-started";

    @Nested
    @DisplayName("round trip")
    class RoundTrip {

        @ParameterizedTest(name = "{0}")
        @EnumSource(MigrationState.class)
        @DisplayName("every state reads back as written")
        void everyState(MigrationState state) {
            MigrationRecord written = new MigrationRecord(12, state, Sessions.STARTED);
            assertThat(MigrationAnnotations.parse(MigrationAnnotations.toMap(written))).isEqualTo(new Valid(written));
        }

        @Test
        @DisplayName("states are written in lower case with dashes")
        void wireNames() {
            assertThat(MigrationAnnotations.toMap(new MigrationRecord(0, MigrationState.STOPPING_SOURCE, 0)))
                    .isEqualTo(Map.of(GENERATION, "0", STATE, "stopping-source", STARTED, "0"));
        }

        @Test
        @DisplayName("a session's Job reads back its generation, state and start; other annotations are ignored")
        void fromJob() {
            var job = SessionJobs.job(Sessions.jupyter("s-1"), MigrationState.STARTING, Sessions.STARTED);
            job.getMetadata().getAnnotations().put("kubectl.kubernetes.io/last-applied-configuration", "{}");
            assertThat(MigrationAnnotations.of(job)).isEqualTo(
                    new Valid(new MigrationRecord(7, MigrationState.STARTING, Sessions.STARTED)));
        }
    }

    @Nested
    @DisplayName("problems are reported, not thrown")
    class Problems {

        @Test
        @DisplayName("an unknown state is named with the known ones")
        void unknownState() {
            Map<String, String> in = Map.of(GENERATION, "3", STATE, "teleporting", STARTED, "5");
            assertThat(MigrationAnnotations.parse(in)).isEqualTo(new Invalid(List.of(
                    "ferry.dev/migration-state: unknown state 'teleporting' (known: pending, barrier, stopping-source, "
                            + "creating, starting, verifying, done, rolling-back, rolled-back, failed)")));
        }

        @Test
        @DisplayName("each missing annotation is named; a resource without annotations has all three missing")
        void missing() {
            Parsed none = MigrationAnnotations.parse(null);
            assertThat(none).isInstanceOf(Invalid.class);
            assertThat(((Invalid) none).problems()).containsExactly(GENERATION + " is missing", STATE + " is missing",
                    STARTED + " is missing");
            Map<String, String> noStart = new HashMap<>(Map.of(GENERATION, "3", STATE, "done"));
            assertThat(MigrationAnnotations.parse(noStart)).isEqualTo(
                    new Invalid(List.of(STARTED + " is missing")));
        }

        @Test
        @DisplayName("numbers that are not non-negative integers are named with their text")
        void malformedNumbers() {
            Map<String, String> in = Map.of(GENERATION, "-1", STATE, "done", STARTED, "yesterday");
            assertThat(MigrationAnnotations.parse(in)).isEqualTo(new Invalid(List.of(
                    GENERATION + ": '-1' is not a non-negative integer",
                    STARTED + ": 'yesterday' is not a non-negative integer")));
        }

        @Test
        @DisplayName("a state in another spelling is not guessed at")
        void noGuessing() {
            Map<String, String> in = Map.of(GENERATION, "1", STATE, "STOPPING_SOURCE", STARTED, "1");
            assertThat(MigrationAnnotations.parse(in)).isInstanceOf(Invalid.class);
        }
    }
}
