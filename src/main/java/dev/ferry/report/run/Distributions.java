package dev.ferry.report.run;

import java.util.Arrays;

/** The shapes of a distribution a chart draws: its empirical CDF, thinned to a few hundred points, and histograms. */
final class Distributions {

    /** Bin edges and counts: {@code counts[b]} values fall in [{@code edges[b]}, {@code edges[b + 1]}). */
    record Histogram(double[] edges, long[] counts) {
    }

    private Distributions() {
    }

    /**
     * Points (value, share of values at most it) of the empirical CDF of {@code values}: at every distinct value,
     * the share at its last occurrence, thinned to at most {@code maxPoints} (the first and the last kept), so a
     * chart of thousands of sessions stays light. Empty for no values.
     */
    static double[][] cdf(double[] values, int maxPoints) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double[][] steps = new double[n][];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 == n || v[i + 1] != v[i]) {
                steps[distinct++] = new double[] {v[i], (i + 1) / (double) n};
            }
        }
        if (distinct <= maxPoints) {
            return Arrays.copyOf(steps, distinct);
        }
        double[][] thin = new double[maxPoints][];
        for (int k = 0; k < maxPoints; k++) {
            thin[k] = steps[(int) Math.round(k * (distinct - 1) / (double) (maxPoints - 1))];
        }
        return thin;
    }

    /**
     * {@code bins} bins of equal width from the smallest value to the largest (the last bin holds the largest);
     * one bin when all values are equal; no bins for no values.
     */
    static Histogram histogram(double[] values, int bins) {
        if (values.length == 0) {
            return new Histogram(new double[0], new long[0]);
        }
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        int count = max == min ? 1 : bins;
        double width = max == min ? 1 : (max - min) / count;
        double[] edges = new double[count + 1];
        for (int b = 0; b <= count; b++) {
            edges[b] = min + b * width;
        }
        long[] counts = new long[count];
        for (double x : values) {
            counts[Math.min(count - 1, (int) ((x - min) / width))]++;
        }
        return new Histogram(edges, counts);
    }
}
