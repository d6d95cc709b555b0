package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The matcher against an independent oracle: random expressions are generated together with the value
 * sets they denote, and a minute matches when java.time's fields of it are in those sets (days by
 * Vixie cron's either-day rule). {@code nextAllowed} is checked against a minute-by-minute scan.
 */
class MigrationWindowProperties {

    private static final long MINUTE = 60_000L;
    private static final long FROM = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
    private static final int SCAN_MINUTES = 3 * 24 * 60;

    /** One field: its text and the values it denotes (day-of-week 7 folded into 0). */
    record Field(String text, Set<Integer> values) {
    }

    /** A generated expression with the value sets of its fields. */
    record Spec(Field minute, Field hour, Field dom, Field month, Field dow) {
        String expression() {
            return String.join(" ", minute.text, hour.text, dom.text, month.text, dow.text);
        }

        boolean eitherDay() {
            return !dom.text.startsWith("*") && !dow.text.startsWith("*");
        }

        boolean matches(long epochMillis) {
            ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
            boolean d = dom.values.contains(t.getDayOfMonth());
            boolean w = dow.values.contains(t.getDayOfWeek().getValue() % 7);
            return minute.values.contains(t.getMinute()) && hour.values.contains(t.getHour())
                    && month.values.contains(t.getMonthValue()) && (eitherDay() ? d || w : d && w);
        }

        boolean someDayExists() {
            int[] length = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            return month.values.stream().anyMatch(m -> dom.values.stream().anyMatch(d -> d <= length[m]));
        }
    }

    /** A field of values lo..hi: a list of one to three of *, *\/s, v, a-b, a-b/s. */
    private static Arbitrary<Field> field(int lo, int hi) {
        boolean dow = hi == 7;
        Arbitrary<Integer> value = Arbitraries.integers().between(lo, hi);
        Arbitrary<Integer> step = Arbitraries.integers().between(1, hi - lo + 2);
        int starHi = dow ? 6 : hi;
        Arbitrary<Field> element = Arbitraries.oneOf(
                Arbitraries.just(new Field("*", range(lo, starHi, 1, dow))),
                step.map(s -> new Field("*/" + s, range(lo, starHi, s, dow))),
                value.map(v -> new Field(String.valueOf(v), range(v, v, 1, dow))),
                Combinators.combine(value, value, step).as((a, b, s) -> new Field(
                        Math.min(a, b) + "-" + Math.max(a, b) + "/" + s, range(Math.min(a, b), Math.max(a, b), s, dow))),
                Combinators.combine(value, value).as((a, b) -> new Field(
                        Math.min(a, b) + "-" + Math.max(a, b), range(Math.min(a, b), Math.max(a, b), 1, dow))));
        return element.list().ofMinSize(1).ofMaxSize(3).map(parts -> new Field(
                parts.stream().map(Field::text).collect(Collectors.joining(",")),
                parts.stream().flatMap(p -> p.values.stream()).collect(Collectors.toCollection(TreeSet::new))));
    }

    private static Set<Integer> range(int lo, int hi, int step, boolean dayOfWeek) {
        Set<Integer> values = new TreeSet<>();
        for (int v = lo; v <= hi; v += step) {
            values.add(dayOfWeek && v == 7 ? 0 : v);
        }
        return values;
    }

    @Provide
    Arbitrary<Spec> specs() {
        // dense fields most of the time, so that the scan below finds matches often
        return Combinators.combine(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 7))
                .as(Spec::new);
    }

    @Provide
    Arbitrary<Long> instants() {
        return Arbitraries.longs().between(FROM, TO);
    }

    @Property
    void allowsExactlyTheMinutesTheFieldsDenote(@ForAll("specs") Spec spec, @ForAll("instants") long t) {
        if (!spec.eitherDay() && !spec.someDayExists()) {
            assertThatThrownBy(() -> MigrationWindow.parse(spec.expression())).hasMessageContaining("never occurs");
            return;
        }
        MigrationWindow window = MigrationWindow.parse(spec.expression());
        for (int i = 0; i < 120; i++) {
            long minute = t + i * 7 * MINUTE + i * 3_600_000L * 5;
            assertThat(window.allows(minute)).as("%s at %s", spec.expression(), Instant.ofEpochMilli(minute))
                    .isEqualTo(spec.matches(minute));
        }
    }

    @Property
    void nextAllowedIsTheFirstAllowedMinuteAtOrAfter(@ForAll("specs") Spec spec, @ForAll("instants") long t) {
        if (!spec.eitherDay() && !spec.someDayExists()) {
            return;
        }
        MigrationWindow window = MigrationWindow.parse(spec.expression());
        long next = window.nextAllowed(t);
        long minuteStart = Math.floorDiv(t, MINUTE) * MINUTE;
        for (int i = 0; i <= SCAN_MINUTES; i++) {
            long m = minuteStart + i * MINUTE;
            if (spec.matches(m)) {
                assertThat(next).as(spec.expression()).isEqualTo(i == 0 ? t : m);
                return;
            }
        }
        assertThat(next).as(spec.expression()).isGreaterThan(minuteStart + SCAN_MINUTES * MINUTE);
        if (next != MigrationWindow.NEVER) {
            assertThat(spec.matches(next)).isTrue();
        }
    }

    @Property
    void nextAllowedIsAllowedStableAndDeterministic(@ForAll("specs") Spec spec, @ForAll("instants") long t) {
        if (!spec.eitherDay() && !spec.someDayExists()) {
            return;
        }
        MigrationWindow window = MigrationWindow.parse(spec.expression());
        long next = window.nextAllowed(t);
        if (next != MigrationWindow.NEVER) {
            assertThat(next).isGreaterThanOrEqualTo(t);
            assertThat(window.allows(next)).isTrue();
            assertThat(window.nextAllowed(next)).isEqualTo(next);
        }
        assertThat(MigrationWindow.parse(spec.expression()).nextAllowed(t)).isEqualTo(next);
    }
}
