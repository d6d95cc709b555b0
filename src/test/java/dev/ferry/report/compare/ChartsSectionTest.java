package dev.ferry.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChartsSectionTest {

    @Test
    @DisplayName("a CDF steps at each distinct value to the share of sessions at or below it")
    void cdf() {
        assertThat(ChartsSection.cdf(new double[] {3, 0, 1, 0})).isDeepEqualTo(new double[][] {{0, 0.5}, {1, 0.75},
            {3, 1.0}});
    }

    @Test
    @DisplayName("3,500 distinct values are thinned to the point budget, keeping the first and the largest")
    void thinned() {
        double[] values = IntStream.range(0, 3500).mapToDouble(i -> i).toArray();

        double[][] points = ChartsSection.cdf(values);

        assertThat(points.length).isLessThanOrEqualTo(ChartsSection.CDF_POINTS + 1);
        assertThat(points[0]).containsExactly(0, 1 / 3500.0);
        assertThat(points[points.length - 1]).containsExactly(3499, 1.0);
    }
}
