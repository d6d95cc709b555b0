package dev.ferry.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.DoubleStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    @DisplayName("the CDF steps at each distinct value to the share of values at most it")
    void cdfByHand() {
        // 0, 0, 10, 30: half the sessions undisrupted, 3 of 4 at most 10 s, all at most 30 s
        double[][] cdf = Distributions.cdf(new double[] {10, 0, 30, 0}, 100);
        assertThat(cdf).isDeepEqualTo(new double[][] {{0, 0.5}, {10, 0.75}, {30, 1.0}});
    }

    @Test
    @DisplayName("a CDF of thousands of values keeps its first and last point and at most the points asked for")
    void cdfThinned() {
        double[] values = DoubleStream.iterate(0, x -> x + 1).limit(3500).toArray();
        double[][] cdf = Distributions.cdf(values, 400);
        assertThat(cdf.length).isEqualTo(400);
        assertThat(cdf[0]).containsExactly(0, 1 / 3500.0);
        assertThat(cdf[399]).containsExactly(3499, 1.0);
    }

    @Property
    @Label("a CDF rises in value and in share, and ends at share 1")
    void cdfMonotone(@ForAll @Size(min = 1, max = 300) double[] raw, @ForAll @IntRange(min = 2, max = 50) int points) {
        double[] values = Arrays.stream(raw).map(x -> Double.isFinite(x) ? x : 0).toArray();
        double[][] cdf = Distributions.cdf(values, points);
        assertThat(cdf.length).isBetween(1, points);
        for (int k = 1; k < cdf.length; k++) {
            assertThat(cdf[k][0]).isGreaterThan(cdf[k - 1][0]);
            assertThat(cdf[k][1]).isGreaterThan(cdf[k - 1][1]);
        }
        assertThat(cdf[cdf.length - 1][1]).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a histogram's bins span min to max, the largest value in the last bin")
    void histogramByHand() {
        Distributions.Histogram h = Distributions.histogram(new double[] {0, 1, 2, 3, 4}, 2);
        assertThat(h.edges()).containsExactly(0, 2, 4);
        assertThat(h.counts()).containsExactly(2, 3);
    }

    @Test
    @DisplayName("equal values make one bin; no values, none")
    void histogramEdgeCases() {
        assertThat(Distributions.histogram(new double[] {50, 50, 50}, 30).counts()).containsExactly(3);
        assertThat(Distributions.histogram(new double[0], 30).counts()).isEmpty();
    }

    @Property
    @Label("a histogram counts every value once")
    void histogramCountsAll(@ForAll @Size(min = 1, max = 500) double[] raw,
            @ForAll @IntRange(min = 1, max = 40) int bins, @ForAll @DoubleRange(min = 0.001, max = 1e6) @Scale(3) double scale) {
        double[] values = Arrays.stream(raw).map(x -> Double.isFinite(x) ? (x % 1000) * scale : 0).toArray();
        assertThat(Arrays.stream(Distributions.histogram(values, bins).counts()).sum()).isEqualTo(values.length);
    }
}
