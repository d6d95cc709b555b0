package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A disruption budget validates its limits and computes the team and cluster limits")
class DisruptionBudgetTest {

    @Nested
    @DisplayName("validation")
    class Validation {

        @Test
        @DisplayName("refuses negative limits, naming the field")
        void negativeLimits() {
            assertThatThrownBy(() -> DisruptionBudget.of(-1, 5, 0.2))
                    .hasMessage("maxConcurrent must be at least 0, found -1");
            assertThatThrownBy(() -> DisruptionBudget.of(10, -2, 0.2))
                    .hasMessage("maxPerCluster must be at least 0, found -2");
            assertThatThrownBy(() -> DisruptionBudget.of(10, 5, 0.2).withClusterLimit("k8s-a", -1))
                    .hasMessage("clusterLimits[k8s-a] must be at least 0, found -1");
        }

        @ParameterizedTest(name = "share {0}")
        @CsvSource({"0", "-0.1", "1.01", "NaN", "Infinity"})
        @DisplayName("refuses a team share outside (0, 1]")
        void badShare(double share) {
            assertThatThrownBy(() -> DisruptionBudget.of(10, 5, share))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxTeamShare must be more than 0 and at most 1 (e.g. 0.2 for 20%), found " + share);
        }

        @Test
        @DisplayName("refuses blank cluster names, missing limits, missing lists and null windows")
        void missingParts() {
            Map<String, Integer> blank = Map.of(" ", 3);
            assertThatThrownBy(() -> new DisruptionBudget(1, 1, blank, 0.2, List.of()))
                    .hasMessage("a cluster name in clusterLimits must not be blank, found \" \"");
            Map<String, Integer> nullLimit = new HashMap<>();
            nullLimit.put("k8s-a", null);
            assertThatThrownBy(() -> new DisruptionBudget(1, 1, nullLimit, 0.2, List.of()))
                    .hasMessage("clusterLimits[k8s-a] must be given");
            assertThatThrownBy(() -> new DisruptionBudget(1, 1, null, 0.2, List.of()))
                    .hasMessage("clusterLimits must be given");
            assertThatThrownBy(() -> new DisruptionBudget(1, 1, Map.of(), 0.2, null))
                    .hasMessage("windows must be given");
            assertThatThrownBy(() -> new DisruptionBudget(1, 1, Map.of(), 0.2, Arrays.asList(
                    MigrationWindow.parse("* * * * *"), null)))
                    .hasMessage("windows[1] must be given");
        }

        @Test
        @DisplayName("accepts 0 as a limit: it pauses what it covers")
        void zeroPauses() {
            assertThat(DisruptionBudget.of(0, 0, 1.0).maxConcurrent()).isZero();
        }

        @Test
        @DisplayName("keeps its own copies of the limits and windows")
        void copies() {
            Map<String, Integer> limits = new HashMap<>(Map.of("k8s-a", 2));
            DisruptionBudget budget = new DisruptionBudget(5, 3, limits, 0.2, List.of());
            limits.put("k8s-a", 100);
            assertThat(budget.clusterLimit("k8s-a")).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("limits")
    class Limits {

        @Test
        @DisplayName("a cluster's limit is its override, else the default")
        void clusterLimit() {
            DisruptionBudget budget = DisruptionBudget.of(10, 5, 0.2).withClusterLimit("k8s-b", 2);
            assertThat(budget.clusterLimit("k8s-b")).isEqualTo(2);
            assertThat(budget.clusterLimit("k8s-a")).isEqualTo(5);
        }

        @ParameterizedTest(name = "{0} of {1} sessions -> {2}")
        @CsvSource({
            // 0.2 x 12 = 2.4, rounded down
            "0.2,  12,  2",
            // 0.2 x 10 = 2 exactly
            "0.2,  10,  2",
            // 0.2 x 3 = 0.6 rounds down to 0, but a team with sessions may always migrate one
            "0.2,  3,   1",
            "0.2,  1,   1",
            // no sessions: nothing to migrate
            "0.2,  0,   0",
            // 0.29 x 100 is 28.999999999999996 in binary floating point; in decimal it is 29
            "0.29, 100, 29",
            "0.07, 100, 7",
            "1.0,  7,   7",
        })
        @DisplayName("a team's limit is its share rounded down, at least 1 when it has sessions")
        void teamLimit(double share, int sessions, int limit) {
            assertThat(DisruptionBudget.of(10, 5, share).teamLimit(sessions)).isEqualTo(limit);
        }
    }

    @Nested
    @DisplayName("windows")
    class Windows {

        private final long mondayNoon = Instant.parse("2025-01-06T12:00:00Z").toEpochMilli();

        @Test
        @DisplayName("no windows: always in a window, and the next window is now")
        void noWindows() {
            DisruptionBudget budget = DisruptionBudget.of(10, 5, 0.2);
            assertThat(budget.inWindow(mondayNoon)).isTrue();
            assertThat(budget.nextWindow(mondayNoon)).isEqualTo(mondayNoon);
        }

        @Test
        @DisplayName("several windows: any of them; the next is the earliest to open")
        void severalWindows() {
            DisruptionBudget budget = DisruptionBudget.of(10, 5, 0.2)
                    .withWindows("* 18-23,0-6 * * 1-5", "* * * * 0,6");
            assertThat(budget.inWindow(mondayNoon)).isFalse();
            // Monday noon: the weeknight window opens at 18:00 today, before Saturday
            assertThat(Instant.ofEpochMilli(budget.nextWindow(mondayNoon))).isEqualTo("2025-01-06T18:00:00Z");
            assertThat(budget.inWindow(Instant.parse("2025-01-04T12:00:00Z").toEpochMilli())).isTrue();
        }
    }
}
