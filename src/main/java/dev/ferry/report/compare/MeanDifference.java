package dev.ferry.report.compare;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * How far one group's mean of a figure lies from another's across seeds: {@code meanB - meanA}, with a 95%
 * interval where the seeds allow one.
 *
 * <p>The interval is Welch's: {@code d ± t(0.975, ν) · sqrt(s²a/na + s²b/nb)} with the Welch–Satterthwaite
 * degrees of freedom ν, which {@link TTest} (commons-statistics-inference, heteroscedastic) computes with
 * its p-value. Welch rather than Student's pooled t, because strategies differ in spread as much as in
 * mean (idle-aware disrupts no active user on any seed, so its variance is zero, while rolling's is not);
 * Welch assumes no equal variances and costs nothing when they are equal. Unpaired rather than a paired t
 * on the seeds both groups ran, because groups may have run different seeds; a seed gives both strategies
 * the same sessions, so the pairs are positively correlated and the unpaired interval is the wider, the
 * conservative one. A rank test (Mann-Whitney) gives no interval for a mean and cannot reach 5% with three
 * seeds a side; a bootstrap on three values is not a distribution.
 *
 * <p>With fewer than two seeds in a group there is no spread to estimate, so no interval ({@link Basis#ONE_SEED});
 * when every seed of both groups gave one value each ({@link Basis#NO_SPREAD}) the difference is the same on
 * every seed and needs none.
 */
public record MeanDifference(double meanA, double meanB, int seedsA, int seedsB, Basis basis, double low,
        double high, double degreesOfFreedom, double pValue) {

    /** The confidence of the interval. */
    public static final double CONFIDENCE = 0.95;

    /** What the interval rests on. */
    public enum Basis {
        /** Welch's t interval. */
        WELCH,
        /** Each group gave one value on every seed: the difference is exact, the interval is that point. */
        NO_SPREAD,
        /** A group has one seed: no interval can be given. */
        ONE_SEED
    }

    public static MeanDifference of(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("a difference needs at least one value in each group");
        }
        double meanA = mean(a);
        double meanB = mean(b);
        double d = meanB - meanA;
        if (a.length < 2 || b.length < 2) {
            return new MeanDifference(meanA, meanB, a.length, b.length, Basis.ONE_SEED, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        if (constant(a) && constant(b)) {
            return new MeanDifference(meanA, meanB, a.length, b.length, Basis.NO_SPREAD, d, d, Double.NaN,
                    d == 0 ? 1 : 0);
        }
        TTest.Result welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(b, a);
        double standardError = Math.sqrt(variance(a) / a.length + variance(b) / b.length);
        double df = welch.getDegreesOfFreedom();
        double t = TDistribution.of(df).inverseSurvivalProbability((1 - CONFIDENCE) / 2);
        return new MeanDifference(meanA, meanB, a.length, b.length, Basis.WELCH, d - t * standardError,
                d + t * standardError, df, welch.getPValue());
    }

    /** {@code meanB - meanA}. */
    public double difference() {
        return meanB - meanA;
    }

    /** Whether the interval (or the exact difference) leaves zero out: the groups really differ. */
    public boolean excludesZero() {
        return basis != Basis.ONE_SEED && (low > 0 || high < 0);
    }

    private static double mean(double[] values) {
        return Mean.of(values).getAsDouble();
    }

    /** The unbiased sample variance (n - 1 in the denominator), as Welch's interval takes it. */
    private static double variance(double[] values) {
        return Variance.of(values).getAsDouble();
    }

    private static boolean constant(double[] values) {
        return Arrays.stream(values).allMatch(v -> v == values[0]);
    }
}
