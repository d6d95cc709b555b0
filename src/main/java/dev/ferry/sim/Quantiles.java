package dev.ferry.sim;

import java.util.Arrays;

/** The quantiles the simulation reports of a distribution of durations. */
public final class Quantiles {

    private Quantiles() {
    }

    /** {p50, p95, p99, max} by nearest rank; zeros when empty. */
    public static double[] nearestRank(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return new double[4];
        }
        return new double[] {rank(v, 0.50), rank(v, 0.95), rank(v, 0.99), v[v.length - 1]};
    }

    private static double rank(double[] sorted, double q) {
        int k = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }
}
