package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A migration window parses five cron fields and says exactly what is wrong with a bad one")
class MigrationWindowParsingTest {

    @Nested
    @DisplayName("good expressions")
    class Good {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"* * * * *", "* 18-23,0-6 * * 1-5", "* * * * 0,6", "*/15 9-17/2 1,15 * *",
            "0 0 29 2 *", "0-59/30 * * JAN-MAR,dec mon-FRI", "  5   4 * *  7 ", "0 22 * * FRI-SUN"})
        @DisplayName("parse")
        void parse(String expression) {
            assertThat(MigrationWindow.parse(expression).expression()).isEqualTo(expression.trim().replaceAll("\\s+", " "));
        }

        @Test
        @DisplayName("are equal when they allow the same minutes by the same rule, however written")
        void semanticEquality() {
            assertThat(MigrationWindow.parse("* * * * 1-5")).isEqualTo(MigrationWindow.parse("* * * * MON,TUE,3-5"));
            // 7 and 0 are both Sunday; */1 is every value
            assertThat(MigrationWindow.parse("* * * * 0")).isEqualTo(MigrationWindow.parse("*/1 * * * 7"));
            assertThat(MigrationWindow.parse("0 0 * * *")).isNotEqualTo(MigrationWindow.parse("0 1 * * *"));
            // same day bits, but "1-31" restricts day-of-month so days match by EITHER field: a different rule
            assertThat(MigrationWindow.parse("* * 1-31 * 1")).isNotEqualTo(MigrationWindow.parse("* * * * 1"));
        }
    }

    @Nested
    @DisplayName("bad expressions")
    class Bad {

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "* * * *            | expected 5 fields (minute hour day-of-month month day-of-week), found 4",
            "0 * * * * *        | expected 5 fields (minute hour day-of-month month day-of-week), found 6",
            "@daily             | expected 5 fields (minute hour day-of-month month day-of-week), found 1",
            "60 * * * *         | minute: 60 is out of range 0-59",
            "* 24 * * *         | hour: 24 is out of range 0-23",
            "* * 0 * *          | day-of-month: 0 is out of range 1-31",
            "* * * 13 *         | month: 13 is out of range 1-12",
            "* * * * 8          | day-of-week: 8 is out of range 0-7 (0 and 7 are Sunday)",
            "* 18-6 * * *       | hour: range 18-6 runs backwards; ranges do not wrap around, write two: 18-23,0-6",
            "* * * * SAT-MON    | day-of-week: range SAT-MON runs backwards; ranges do not wrap around, write two: 6-7,0-1",
            "*/0 * * * *        | minute: step must be at least 1, found 0",
            "*/x * * * *        | minute: step \"x\" is not a whole number",
            "5/10 * * * *       | minute: step \"5/10\" needs * or a range before the slash, e.g. */15 or 0-30/5",
            "1,,2 * * * *       | minute: empty element in the list \"1,,2\"",
            "* * ? * *          | day-of-month: \"?\" is not a number (allowed: 1-31)",
            "* * L * *          | day-of-month: \"L\" is not a number (allowed: 1-31)",
            "* -1 * * *         | hour: \"\" is not a number (allowed: 0-23)",
            "* * * JANUARY *    | month: \"JANUARY\" is not a number (1-12) or a name (JAN-DEC)",
            "* * * * MON#2      | day-of-week: \"MON#2\" is not a number (0-7) or a name (SUN-SAT)",
            "99999999999 * * * *| minute: 99999999999 is out of range 0-59",
            "* * 30 2 *         | day-of-month 30 never occurs in month 2",
            "* * 31 4,6,9,11 *  | day-of-month 31 never occurs in month 4,6,9,11",
        })
        @DisplayName("are refused with the expression, the field and what is allowed")
        void refused(String expression, String message) {
            assertThatThrownBy(() -> MigrationWindow.parse(expression))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("migration window \"" + expression + "\": " + message);
        }

        @Test
        @DisplayName("an empty expression has no fields")
        void empty() {
            assertThatThrownBy(() -> MigrationWindow.parse("   "))
                    .hasMessage("migration window \"   \": expected 5 fields (minute hour day-of-month month day-of-week),"
                            + " found 0");
        }

        @Test
        @DisplayName("a day that exists only when day-of-week may also match is fine: 30 February OR any Monday")
        void impossibleDayRescuedByWeekday() {
            assertThat(MigrationWindow.parse("* * 30 2 1").expression()).isEqualTo("* * 30 2 1");
        }
    }
}
