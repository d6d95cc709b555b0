package dev.ferry.fit;

import dev.ferry.model.PipTiming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.Variance;

/**
 * Maximum-likelihood fits of durations: a lognormal (the mean and the biased standard deviation of the
 * logarithms), or a mixture of lognormals fitted by expectation-maximization on the logarithms, with the
 * number of components chosen by the Bayesian information criterion. Heavy-tailed gaps (most a few
 * microseconds, some hundreds of milliseconds) need the mixture: one lognormal misses the body or the tail.
 */
public final class MixtureFit {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double MIN_SD = 1e-3;

    /**
     * A fitted distribution.
     *
     * @param gap         the mixture, clamped to the observed range
     * @param n           observations
     * @param ks          Kolmogorov-Smirnov statistic: the largest distance between the fit's and the data's CDF
     * @param bic         Bayesian information criterion of the fit (on the logarithms)
     */
    public record Result(PipTiming.Gap gap, int n, double ks, double bic) {
        public int components() {
            return gap.components().size();
        }
    }

    private MixtureFit() {
    }

    /** A single lognormal by maximum likelihood. */
    public static Result logNormal(double[] ms) {
        return fit(ms, 1);
    }

    /** The mixture of 1 to {@code maxComponents} lognormals with the lowest BIC (a component needs 10 observations per parameter). */
    public static Result mixture(double[] ms, int maxComponents) {
        Result best = null;
        for (int k = 1; k <= maxComponents && ms.length >= 10 * (3 * k - 1); k++) {
            Result r = fit(ms, k);
            if (best == null || r.bic() < best.bic()) {
                best = r;
            }
        }
        return best != null ? best : fit(ms, 1);
    }

    /** A mixture of exactly {@code k} lognormals (k = 1: the plain maximum-likelihood lognormal). */
    public static Result fit(double[] ms, int k) {
        if (ms.length == 0) {
            throw new IllegalArgumentException("nothing to fit");
        }
        double[] y = new double[ms.length];
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < ms.length; i++) {
            double x = Math.max(ms[i], 1e-6);
            y[i] = Math.log(x);
            min = Math.min(min, ms[i]);
            max = Math.max(max, ms[i]);
        }
        double mean = Mean.of(y).getAsDouble();
        double sd = Math.max(MIN_SD, Math.sqrt(Variance.of(y).setBiased(true).getAsDouble()));
        double[] w = new double[k];
        double[] mu = new double[k];
        double[] s = new double[k];
        double logLikelihood;
        if (k == 1) {
            w[0] = 1;
            mu[0] = mean;
            s[0] = sd;
            logLikelihood = logLikelihood(y, w, mu, s, null);
        } else {
            double[] sorted = y.clone();
            Arrays.sort(sorted);
            Quantile quantile = Quantile.withDefaults();
            for (int c = 0; c < k; c++) {
                w[c] = 1.0 / k;
                mu[c] = quantile.evaluate(sorted, (c + 0.5) / k);
                s[c] = Math.max(MIN_SD, sd / k);
            }
            logLikelihood = em(y, w, mu, s);
        }
        List<PipTiming.Component> components = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            components.add(new PipTiming.Component(w[c], mu[c], s[c]));
        }
        components.sort((a, b) -> Double.compare(a.logMean(), b.logMean()));
        PipTiming.Gap gap = new PipTiming.Gap(components, min, max);
        double bic = -2 * logLikelihood + (3 * k - 1) * Math.log(ms.length);
        return new Result(gap, ms.length, ks(ms, gap), bic);
    }

    /** Expectation-maximization from the given start; updates the parameters and returns the log-likelihood. */
    private static double em(double[] y, double[] w, double[] mu, double[] s) {
        int n = y.length;
        int k = w.length;
        double[][] r = new double[k][n];
        double previous = Double.NEGATIVE_INFINITY;
        double ll = previous;
        for (int iteration = 0; iteration < 2000; iteration++) {
            ll = logLikelihood(y, w, mu, s, r);
            for (int c = 0; c < k; c++) {
                double nk = 0;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    nk += r[c][i];
                    sum += r[c][i] * y[i];
                }
                double m = nk > 0 ? sum / nk : mu[c];
                double squares = 0;
                for (int i = 0; i < n; i++) {
                    double d = y[i] - m;
                    squares += r[c][i] * d * d;
                }
                w[c] = Math.max(nk / n, 1e-9);
                mu[c] = m;
                s[c] = Math.max(MIN_SD, nk > 0 ? Math.sqrt(squares / nk) : s[c]);
            }
            double total = Arrays.stream(w).sum();
            for (int c = 0; c < k; c++) {
                w[c] /= total;
            }
            if (ll - previous < 1e-7 * n) {
                break;
            }
            previous = ll;
        }
        return logLikelihood(y, w, mu, s, null);
    }

    /** The log-likelihood of the logarithms; fills the responsibilities when {@code r} is given. */
    private static double logLikelihood(double[] y, double[] w, double[] mu, double[] s, double[][] r) {
        int k = w.length;
        double[] constant = new double[k];
        double[] precision = new double[k];
        for (int c = 0; c < k; c++) {
            constant[c] = Math.log(w[c]) - Math.log(s[c]) - LOG_SQRT_2PI;
            precision[c] = 1 / s[c];
        }
        double[] logs = new double[k];
        double ll = 0;
        for (int i = 0; i < y.length; i++) {
            double top = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double z = (y[i] - mu[c]) * precision[c];
                logs[c] = constant[c] - 0.5 * z * z;
                top = Math.max(top, logs[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                logs[c] = Math.exp(logs[c] - top);
                sum += logs[c];
            }
            ll += top + Math.log(sum);
            if (r != null) {
                for (int c = 0; c < k; c++) {
                    r[c][i] = logs[c] / sum;
                }
            }
        }
        return ll;
    }

    /** The Kolmogorov-Smirnov statistic of {@code ms} against the gap distribution (clamping ignored). */
    public static double ks(double[] ms, PipTiming.Gap gap) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = gap.cdf(sorted[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        return d;
    }
}
