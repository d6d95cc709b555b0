package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-picked instants, all UTC. Calendar used: 2025-01-04 is a Saturday, 01-05 a Sunday, 01-06 a
 * Monday, 01-10 a Friday; 2025-02-28 is a Friday; 2028-02-29 a Tuesday.
 */
@DisplayName("A migration window allows the minutes its cron expression matches, in UTC")
class MigrationWindowMatchingTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static String next(String expression, String from) {
        long next = MigrationWindow.parse(expression).nextAllowed(at(from));
        return next == MigrationWindow.NEVER ? "never" : Instant.ofEpochMilli(next).toString();
    }

    @Nested
    @DisplayName("allows")
    class Allows {

        @ParameterizedTest(name = "{0} at {1}: {2}")
        @CsvSource(delimiter = '|', value = {
            // weeknights: hours 18-23 and 0-6, Monday to Friday (the early hours count for the day they fall on)
            "* 18-23,0-6 * * 1-5 | 2025-01-06T18:00:00Z     | true",
            "* 18-23,0-6 * * 1-5 | 2025-01-06T17:59:59.999Z | false",
            "* 18-23,0-6 * * 1-5 | 2025-01-10T06:59:00Z     | true",
            "* 18-23,0-6 * * 1-5 | 2025-01-10T07:00:00Z     | false",
            // Saturday 01:00 is after Friday night, but it is a Saturday: not a weekday
            "* 18-23,0-6 * * 1-5 | 2025-01-11T01:00:00Z     | false",
            // weekends
            "* * * * 0,6         | 2025-01-04T12:00:00Z     | true",
            "* * * * 0,6         | 2025-01-05T23:59:59Z     | true",
            "* * * * 0,6         | 2025-01-06T00:00:00Z     | false",
            // 0 and 7 are both Sunday
            "* * * * 7           | 2025-01-05T10:00:00Z     | true",
            "* * * * 0           | 2025-01-05T10:00:00Z     | true",
            "* * * * 7           | 2025-01-04T10:00:00Z     | false",
            "* * * * FRI-SUN     | 2025-01-05T10:00:00Z     | true",
            "* * * * 5-7         | 2025-01-05T10:00:00Z     | true",
            "* * * * 5-7         | 2025-01-06T10:00:00Z     | false",
            // steps: minutes 0,15,30,45 of hours 9,11,13,15,17
            "*/15 9-17/2 * * *   | 2025-01-06T11:45:30Z     | true",
            "*/15 9-17/2 * * *   | 2025-01-06T11:46:00Z     | false",
            "*/15 9-17/2 * * *   | 2025-01-06T10:15:00Z     | false",
            "*/15 9-17/2 * * *   | 2025-01-06T17:00:00Z     | true",
            // lists and months: the 1st and 15th of January to March
            "0 0 1,15 JAN-MAR *  | 2025-02-15T00:00:59Z     | true",
            "0 0 1,15 JAN-MAR *  | 2025-04-15T00:00:00Z     | false",
            // both day fields restricted: the 13th OR a Friday (Vixie cron)
            "* * 13 * 5          | 2025-01-13T08:00:00Z     | true",
            "* * 13 * 5          | 2025-01-10T08:00:00Z     | true",
            "* * 13 * 5          | 2025-01-14T08:00:00Z     | false",
            // day-of-week starting with *: both must match, every other day-of-week (Sun, Tue, Thu, Sat) on the 13th
            "* * 13 * */2        | 2025-01-13T08:00:00Z     | false",
            "* * 13 * */2        | 2025-05-13T08:00:00Z     | true",
            // before the epoch: 1969-12-31 was a Wednesday
            "* 23 * * 3          | 1969-12-31T23:30:00Z     | true",
        })
        @DisplayName("the minute containing the instant")
        void allows(String expression, String instant, boolean allowed) {
            assertThat(MigrationWindow.parse(expression).allows(at(instant))).isEqualTo(allowed);
        }
    }

    @Nested
    @DisplayName("nextAllowed")
    class NextAllowed {

        @Test
        @DisplayName("is the instant itself when its minute is allowed, even mid-minute")
        void nowWhenAllowed() {
            assertThat(next("* 18-23 * * *", "2025-01-06T18:30:42.123Z")).isEqualTo("2025-01-06T18:30:42.123Z");
        }

        @Test
        @DisplayName("is the start of the next allowed minute otherwise")
        void nextMinute() {
            // 17:59:30 on Monday: 18:00 is the next minute and it is allowed
            assertThat(next("* 18-23,0-6 * * 1-5", "2025-01-06T17:59:30Z")).isEqualTo("2025-01-06T18:00:00Z");
            // 11:46 is not a quarter: 12:00 is not an odd hour, so 13:00
            assertThat(next("*/15 9-17/2 * * *", "2025-01-06T11:46:00Z")).isEqualTo("2025-01-06T13:00:00Z");
            // 17:46 is past 17:45, the last slot of the day: 09:00 the next day
            assertThat(next("*/15 9-17/2 * * *", "2025-01-06T17:46:00Z")).isEqualTo("2025-01-07T09:00:00Z");
        }

        @Test
        @DisplayName("skips to the next allowed day, across a weekend and across a year")
        void nextDay() {
            // Friday 07:00 is past the weeknight window; Saturday and Sunday are excluded: Monday 00:00
            assertThat(next("* 18-23,0-6 * * 1-5", "2025-01-10T07:00:00Z")).isEqualTo("2025-01-10T18:00:00Z");
            assertThat(next("* 0-6 * * 1-5", "2025-01-10T07:00:00Z")).isEqualTo("2025-01-13T00:00:00Z");
            // weekends only, from Monday: Saturday 00:00
            assertThat(next("* * * * 0,6", "2025-01-06T09:00:00Z")).isEqualTo("2025-01-11T00:00:00Z");
            // New Year's midnight, from the last minute of 2025
            assertThat(next("0 0 1 1 *", "2025-12-31T23:59:00Z")).isEqualTo("2026-01-01T00:00:00Z");
        }

        @Test
        @DisplayName("is the next 13th or Friday when both day fields are restricted")
        void eitherDay() {
            // from Saturday 2025-01-11: Monday the 13th comes before Friday the 17th
            assertThat(next("0 8 13 * 5", "2025-01-11T00:00:00Z")).isEqualTo("2025-01-13T08:00:00Z");
        }

        @Test
        @DisplayName("is NEVER when the window does not open within 366 days, e.g. a 29 February years away")
        void never() {
            // from 2025-03-01 the next 29 February is in 2028, beyond the horizon
            assertThat(next("0 0 29 2 *", "2025-03-01T00:00:00Z")).isEqualTo("never");
            // from 2027-03-01 it is 365 days away
            assertThat(next("0 0 29 2 *", "2027-03-01T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
        }

        @Test
        @DisplayName("does not overflow at the end of time")
        void endOfTime() {
            MigrationWindow daily = MigrationWindow.parse("0 0 * * *");
            assertThat(daily.nextAllowed(Long.MAX_VALUE - 1)).isEqualTo(MigrationWindow.NEVER);
            assertThat(daily.nextAllowed(Long.MIN_VALUE)).isGreaterThan(Long.MIN_VALUE);
        }
    }
}
