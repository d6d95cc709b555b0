package dev.ferry.report.sweep;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A figure's mean over a setting's seeds with its 95% interval, Student's t: {@code mean ± t(0.975, n-1) · s/√n}
 * (the one-group form of the Welch interval the comparison uses). One seed gives no interval (NaN bounds); seeds
 * that all gave the same value give that point.
 */
public record MeanInterval(double mean, double low, double high, int seeds) {

    public static MeanInterval of(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = Mean.of(present).getAsDouble();
        if (present.length == 1) {
            return new MeanInterval(mean, Double.NaN, Double.NaN, 1);
        }
        double spread = Math.sqrt(Variance.of(present).getAsDouble() / present.length);
        if (spread == 0) {
            return new MeanInterval(mean, mean, mean, present.length);
        }
        double t = TDistribution.of(present.length - 1).inverseSurvivalProbability(0.025);
        return new MeanInterval(mean, mean - t * spread, mean + t * spread, present.length);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low);
    }
}
