package dev.ferry.model;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The event-level shape of a synthetic pip command: how long each kind of gap between two events
 * lasts, and how a distribution's files are laid out (which decides how many events it makes).
 * Fitted on the recorded traces by {@code ferry model fit}; {@link #RECORDED} holds the values of
 * {@code model/pip.yaml}. A gap is named after the event it precedes:
 *
 * @param resolve         from the command's start to its first event (pip resolving)
 * @param exit            from the last event to the command's exit
 * @param writeGap        before an event that writes (a file's create, modify, close, rename; a folder)
 * @param compileGap      before each byte-compiled file is created (the time to compile one module)
 * @param removeGap       before an event that moves aside into a {@code ~} stash or deletes
 * @param distributionGap between one distribution's last event and the next one's first, in an install
 * @param uninstallGap    the same, in an uninstall
 * @param layout          how a distribution's files are laid out
 */
public record PipTiming(Gap resolve, Gap exit, Gap writeGap, Gap compileGap, Gap removeGap, Gap distributionGap,
                        Gap uninstallGap, Layout layout) {

    /**
     * One component of a gap distribution: ln(gap in ms) is normal.
     *
     * @param weight  share of gaps drawn from this component
     * @param logMean mean of ln(ms)
     * @param logSd   standard deviation of ln(ms)
     */
    public record Component(double weight, double logMean, double logSd) {
        public Component {
            if (!(weight > 0 && weight <= 1) || !(logSd > 0) || !Double.isFinite(logMean)) {
                throw new IllegalArgumentException("a gap component needs 0 < weight <= 1, logSd > 0: " + this);
            }
        }
    }

    /**
     * A distribution of durations in milliseconds: a mixture of lognormals (one component is a plain
     * lognormal), each draw clamped to [{@code minMs}, {@code maxMs}] (the range observed).
     */
    public record Gap(List<Component> components, double minMs, double maxMs) {
        public Gap {
            components = List.copyOf(components);
            double total = components.stream().mapToDouble(Component::weight).sum();
            if (components.isEmpty() || Math.abs(total - 1) > 1e-3 || !(minMs >= 0 && minMs <= maxMs)) {
                throw new IllegalArgumentException("a gap needs components whose weights add up to 1 and"
                        + " 0 <= minMs <= maxMs: " + components + " [" + minMs + ", " + maxMs + "]");
            }
        }

        public static Gap logNormal(double logMean, double logSd, double minMs, double maxMs) {
            return new Gap(List.of(new Component(1, logMean, logSd)), minMs, maxMs);
        }

        /** The mixture's cumulative probability at {@code ms}, clamping ignored; for goodness-of-fit checks. */
        public double cdf(double ms) {
            if (ms <= 0) {
                return 0;
            }
            double p = 0;
            for (Component c : components) {
                p += c.weight() * NormalDistribution.of(c.logMean(), c.logSd()).cumulativeProbability(Math.log(ms));
            }
            return p;
        }

        /** The mean of the clamped draws, in ms. */
        public double meanMs() {
            double mean = 0;
            for (Component c : components) {
                LogNormalDistribution d = LogNormalDistribution.of(c.logMean(), c.logSd());
                // E[min(max(X, lo), hi)] = lo P(X<lo) + hi P(X>hi) + E[X; lo<=X<=hi], the last from the
                // lognormal's partial expectation: E[X; X<=x] = e^(mu+s^2/2) Phi((ln x - mu - s^2)/s)
                double full = Math.exp(c.logMean() + c.logSd() * c.logSd() / 2);
                NormalDistribution z = NormalDistribution.of(0, 1);
                double partialHi = full * z.cumulativeProbability((Math.log(maxMs) - c.logMean() - c.logSd() * c.logSd()) / c.logSd());
                double partialLo = minMs <= 0 ? 0
                        : full * z.cumulativeProbability((Math.log(minMs) - c.logMean() - c.logSd() * c.logSd()) / c.logSd());
                mean += c.weight() * (minMs * d.cumulativeProbability(minMs) + maxMs * d.survivalProbability(maxMs)
                        + partialHi - partialLo);
            }
            return mean;
        }

        /** The {@code p} quantile of the clamped draws, in ms. */
        public double quantileMs(double p) {
            double lo = Math.log(Math.max(minMs, 1e-9));
            double hi = Math.log(maxMs);
            if (cdf(Math.exp(lo)) >= p) {
                return Math.exp(lo);
            }
            if (cdf(Math.exp(hi)) <= p) {
                return maxMs;
            }
            for (int i = 0; i < 100; i++) {
                double mid = (lo + hi) / 2;
                if (cdf(Math.exp(mid)) < p) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return Math.exp((lo + hi) / 2);
        }

        /** A sampler of nanosecond gaps drawing from {@code rng}. */
        public Sampler sampler(UniformRandomProvider rng) {
            return new Sampler(this, rng);
        }
    }

    /**
     * Draws gaps in nanoseconds: picks a component by weight, draws its lognormal, clamps. Every file event of a
     * synthetic command draws one (tens of millions a week), so a draw is written out here rather than through
     * the libraries' sampler objects: the same draws in the same order, and the same values, as commons-rng's
     * {@code LogNormalSampler} over a {@code ZigguratSampler.NormalizedGaussian} would give (a test checks it).
     */
    public static final class Sampler {
        private static final double DOUBLE_UNIT = 0x1.0p-53;
        /** Below 2^52 a double has a fraction of at most a half, so adding 0.5 rounds exactly. */
        private static final double EXACT_HALF_LIMIT = 0x1.0p52;
        private final UniformRandomProvider rng;
        private final ZigguratSampler.NormalizedGaussian gaussian;
        private final double[] cumulative;
        private final double[] logMean;
        private final double[] logSd;
        private final double min;
        private final double max;

        Sampler(Gap gap, UniformRandomProvider rng) {
            this.rng = rng;
            this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
            int n = gap.components().size();
            cumulative = new double[n - 1];
            logMean = new double[n];
            logSd = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                Component c = gap.components().get(i);
                sum += c.weight();
                if (i < n - 1) {
                    cumulative[i] = sum;
                }
                logMean[i] = c.logMean();
                logSd[i] = c.logSd();
            }
            min = gap.minMs();
            max = gap.maxMs();
        }

        /** One gap, in nanoseconds. */
        public long nanos() {
            int i = 0;
            if (cumulative.length > 0) {
                // the first component whose cumulative weight exceeds u: how many do not (they ascend)
                double u = (rng.nextLong() >>> 11) * DOUBLE_UNIT;
                for (double c : cumulative) {
                    i += u >= c ? 1 : 0;
                }
            }
            double ms = Math.exp(logMean[i] + logSd[i] * gaussian.sample());
            ms = ms < min ? min : ms > max ? max : ms;
            double ns = ms * 1e6;
            // Math.round, for the range where adding a half is exact
            return ns >= 1 && ns < EXACT_HALF_LIMIT ? (long) (ns + 0.5) : Math.round(ns);
        }
    }

    /**
     * How a distribution's files are laid out, fitted per distribution on fresh installs.
     *
     * @param pyShareAlpha       share of a distribution's files that are {@code .py} modules: Beta(alpha, beta)
     * @param pyShareBeta        see {@code pyShareAlpha}
     * @param directoriesPerFile chance that a file opens a new sub-folder of the package
     * @param emptyFileShare     share of files written with no data (create and close, no modify)
     * @param extraModifyMean    mean number of modify events beyond the first for a file with data (geometric)
     * @param metadataFilesMean  mean number of files in a {@code *.dist-info} besides METADATA, WHEEL, RECORD,
     *                           INSTALLER and REQUESTED (licenses, top_level.txt, ...; Poisson)
     */
    public record Layout(double pyShareAlpha, double pyShareBeta, double directoriesPerFile, double emptyFileShare,
                         double extraModifyMean, double metadataFilesMean) {
        public Layout {
            if (!(pyShareAlpha > 0 && pyShareBeta > 0) || !(directoriesPerFile >= 0 && directoriesPerFile < 1)
                    || !(emptyFileShare >= 0 && emptyFileShare < 1) || !(extraModifyMean >= 0)
                    || !(metadataFilesMean >= 0)) {
                throw new IllegalArgumentException("layout out of range: " + this);
            }
        }
    }

    private static final double NS_PER_MS = 1e6;

    /** 5th percentile of the resolve time, in ns; with {@link #resolveMax()} a range for callers that draw uniformly. */
    public long resolveMin() {
        return Math.round(resolve.quantileMs(0.05) * NS_PER_MS);
    }

    /** 95th percentile of the resolve time, in ns. */
    public long resolveMax() {
        return Math.round(resolve.quantileMs(0.95) * NS_PER_MS);
    }

    /** 5th percentile of the exit time, in ns; with {@link #exitMax()} a range for callers that draw uniformly. */
    public long exitMin() {
        return Math.round(exit.quantileMs(0.05) * NS_PER_MS);
    }

    /** 95th percentile of the exit time, in ns. */
    public long exitMax() {
        return Math.round(exit.quantileMs(0.95) * NS_PER_MS);
    }

    /** Mean gap before a written event, in ns. */
    public long fileGapMean() {
        return Math.round(writeGap.meanMs() * NS_PER_MS);
    }

    /** Longest gap between two distributions of an install, in ns. */
    public long distributionGapMax() {
        return Math.round(distributionGap.maxMs() * NS_PER_MS);
    }

    /** Mean time to byte-compile one module, in ns. */
    public long compileGapMean() {
        return Math.round(compileGap.meanMs() * NS_PER_MS);
    }

    /** The values of {@code model/pip.yaml} (a test checks that they agree). */
    public static final PipTiming RECORDED = new PipTiming(
            Gap.logNormal(6.8226, 0.4398, 414.5, 2942),
            Gap.logNormal(5.0508, 0.5415, 71.4, 631.7),
            new Gap(List.of(
                    new Component(0.3128, -4.3389, 0.3043),
                    new Component(0.5356, -2.8984, 0.791),
                    new Component(0.1315, -0.8836, 0.5038),
                    new Component(0.0201, 1.4981, 0.7413)),
                    0.005531, 206),
            new Gap(List.of(
                    new Component(0.0937, -4.2444, 0.3095),
                    new Component(0.3114, -0.1071, 0.6456),
                    new Component(0.3099, 1.219, 1.6932),
                    new Component(0.285, 1.5817, 0.8656)),
                    0.006883, 443.5),
            new Gap(List.of(
                    new Component(0.1891, -4.5974, 0.077),
                    new Component(0.3188, -4.0825, 0.1277),
                    new Component(0.4174, -3.0003, 0.7538),
                    new Component(0.0747, -0.6298, 1.5744)),
                    0.00588, 224.1),
            new Gap(List.of(
                    new Component(0.5308, 0.6765, 0.2628),
                    new Component(0.4692, 1.2134, 2.1327)),
                    0.009625, 367.3),
            Gap.logNormal(2.8893, 1.0998, 3.765, 112.5),
            new Layout(1.31, 0.2606, 0.1523, 0.01213, 0.2428, 1.851));
}
