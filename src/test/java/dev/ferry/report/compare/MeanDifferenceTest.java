package dev.ferry.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ferry.report.compare.Figure.Role;
import dev.ferry.report.compare.MeanDifference.Basis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Welch's interval against R's {@code t.test(x, y)} (Welch is R's default) on two of R's own data sets;
 * scipy's {@code ttest_ind(x, y, equal_var=False).confidence_interval(0.95)} gives the same digits.
 */
class MeanDifferenceTest {

    /** R's {@code sleep}: extra hours of sleep under drug 1 and drug 2 (Student, 1908). */
    private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    /** R's {@code mtcars$mpg} for automatic ({@code am == 0}) and manual cars. */
    private static final double[] AUTOMATIC = {21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4,
        10.4, 14.7, 21.5, 15.5, 15.2, 13.3, 19.2};
    private static final double[] MANUAL = {21.0, 21.0, 22.8, 32.4, 30.4, 33.9, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4};

    private static final Figure MORE_SLEEP = new Figure("sleep", "extra sleep", Role.HIGHER_IS_BETTER);
    private static final Figure FUEL = new Figure("mpg", "miles per gallon", Role.HIGHER_IS_BETTER);

    @Nested
    @DisplayName("a difference inside the noise")
    class InsideNoise {

        @Test
        @DisplayName("sleep, drug 1 minus drug 2: R gives t = -1.8608, df = 17.776, p = 0.07939, "
                + "95% interval -3.3654832 to 0.2054832")
        void sleep() {
            // t.test(extra ~ group, data = sleep): the difference is group 1 minus group 2, so A is drug 2
            MeanDifference d = MeanDifference.of(SLEEP_2, SLEEP_1);

            assertThat(d.basis()).isEqualTo(Basis.WELCH);
            assertThat(d.difference()).isCloseTo(0.75 - 2.33, within(1e-12));
            assertThat(d.degreesOfFreedom()).isCloseTo(17.776, within(5e-4));
            assertThat(d.pValue()).isCloseTo(0.07939, within(5e-6));
            assertThat(d.low()).isCloseTo(-3.3654832, within(5e-7));
            assertThat(d.high()).isCloseTo(0.2054832, within(5e-7));
            assertThat(d.excludesZero()).isFalse();
            assertThat(Verdict.of(MORE_SLEEP, d)).isEqualTo(Verdict.WITHIN_NOISE);
        }
    }

    @Nested
    @DisplayName("a clear difference")
    class Clear {

        @Test
        @DisplayName("mtcars mpg, automatic minus manual: R gives t = -3.7671, df = 18.332, p = 0.001374, "
                + "95% interval -11.280194 to -3.209684")
        void mtcars() {
            MeanDifference d = MeanDifference.of(MANUAL, AUTOMATIC);

            assertThat(d.meanA()).isCloseTo(24.392308, within(5e-7));
            assertThat(d.meanB()).isCloseTo(17.147368, within(5e-7));
            assertThat(d.degreesOfFreedom()).isCloseTo(18.332, within(5e-4));
            assertThat(d.pValue()).isCloseTo(0.001374, within(5e-7));
            assertThat(d.low()).isCloseTo(-11.280194, within(5e-7));
            assertThat(d.high()).isCloseTo(-3.209684, within(5e-7));
            assertThat(Verdict.of(FUEL, d)).as("automatic cars do fewer miles per gallon").isEqualTo(Verdict.WORSE);
            assertThat(Verdict.of(FUEL, MeanDifference.of(AUTOMATIC, MANUAL))).isEqualTo(Verdict.BETTER);
        }

        @Test
        @DisplayName("three seeds, one strategy never disrupting: the interval rests on the other's spread alone")
        void oneGroupWithoutSpread() {
            // idle-aware 0, 0, 0 against rolling 16, 18, 19: d = 17.667, s = 1.5275, se = s / sqrt(3) = 0.8819,
            // df = 2 (Welch-Satterthwaite with one variance zero), t(0.975, 2) = 4.3027: 17.667 ± 3.7946
            MeanDifference d = MeanDifference.of(new double[] {0, 0, 0}, new double[] {16, 18, 19});
            Figure disrupted = Figures.at("disruption.sessions_disrupted_while_active");

            assertThat(d.degreesOfFreedom()).isCloseTo(2.0, within(1e-9));
            assertThat(d.low()).isCloseTo(13.872, within(5e-3));
            assertThat(d.high()).isCloseTo(21.461, within(5e-3));
            assertThat(Verdict.of(disrupted, d)).isEqualTo(Verdict.WORSE);
        }
    }

    @Nested
    @DisplayName("where no interval can be given or none is needed")
    class Degenerate {

        @Test
        @DisplayName("one seed in a group: no interval, and no verdict, however large the difference")
        void oneSeed() {
            MeanDifference d = MeanDifference.of(new double[] {0}, new double[] {28, 30, 31});

            assertThat(d.basis()).isEqualTo(Basis.ONE_SEED);
            assertThat(d.low()).isNaN();
            assertThat(d.high()).isNaN();
            assertThat(d.excludesZero()).isFalse();
            assertThat(Verdict.of(Figures.at("disruption.sessions_disrupted_while_active"), d))
                    .isEqualTo(Verdict.NO_INTERVAL);
        }

        @Test
        @DisplayName("every seed alike in both groups: the difference is exact and judged as it stands")
        void noSpread() {
            MeanDifference d = MeanDifference.of(new double[] {40, 40, 40}, new double[] {39, 39, 39});

            assertThat(d.basis()).isEqualTo(Basis.NO_SPREAD);
            assertThat(d.low()).isEqualTo(-1);
            assertThat(d.high()).isEqualTo(-1);
            assertThat(Verdict.of(Figures.at("migration.migrated"), d)).isEqualTo(Verdict.WORSE);
        }

        @Test
        @DisplayName("a machine figure far apart is still not judged: wall time says how busy the host was")
        void machineFigure() {
            MeanDifference d = MeanDifference.of(new double[] {11, 12, 13}, new double[] {20, 21, 22});

            assertThat(d.excludesZero()).isTrue();
            assertThat(Verdict.of(Figures.at("wall_s"), d)).isEqualTo(Verdict.NOT_JUDGED);
            assertThat(Verdict.of(Figures.at("events"), d)).isEqualTo(Verdict.NOT_JUDGED);
        }
    }
}
