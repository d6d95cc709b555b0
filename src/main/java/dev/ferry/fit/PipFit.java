package dev.ferry.fit;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;

/**
 * The pip model's parameters as fitted on recorded traces, with the sample sizes and goodness of fit
 * that {@code model/pip.yaml} reports next to them.
 *
 * @param files               ln(files per installed distribution): lognormal by maximum likelihood
 * @param filesMax            the most files one distribution showed
 * @param pyShareAlpha        share of modules among a fresh distribution's files: Beta by the method of moments
 * @param pyShareBeta         see {@code pyShareAlpha}
 * @param freshDistributions  fresh installs the layout was estimated on
 * @param directoriesPerFile  sub-folders per file beyond the first (pooled ratio)
 * @param emptyFileShare      files created and closed without a modify event (pooled share)
 * @param extraModifyMean     modify events beyond the first per file with data (pooled mean)
 * @param metadataFilesMean   extra metadata files per dist-info (mean)
 * @param dependenciesMean    dependencies per install (mean: the geometric's maximum-likelihood mean)
 * @param installs            install commands behind {@code dependenciesMean}
 * @param uninstallMean       distributions per uninstall (mean)
 * @param uninstalls          uninstall commands behind {@code uninstallMean}
 * @param eventsPerDistribution events per fresh distribution as recorded: lognormal, for comparison only
 */
public record PipFit(List<String> traces, int commands, int stepsSkipped, MixtureFit.Result files, int filesMax,
                     double pyShareAlpha, double pyShareBeta, int freshDistributions, double directoriesPerFile,
                     double emptyFileShare, double extraModifyMean, double metadataFilesMean,
                     double dependenciesMean, int installs, double uninstallMean, int uninstalls,
                     MixtureFit.Result resolve, MixtureFit.Result exit, MixtureFit.Result writeGap,
                     MixtureFit.Result compileGap, MixtureFit.Result removeGap, MixtureFit.Result distributionGap,
                     MixtureFit.Result uninstallGap, MixtureFit.Result eventsPerDistribution) {

    /** Fits every parameter on {@code sample}; fails naming what the traces lack. */
    public static PipFit of(TraceSample sample) {
        double[] files = require(sample.filesPerInstall(), "installed distributions");
        List<TraceSample.Fresh> fresh = sample.fresh();
        if (fresh.isEmpty()) {
            throw new IllegalArgumentException("the traces hold no fresh install (a distribution not installed before)");
        }
        double[] shares = fresh.stream().filter(f -> f.files().files() > 0)
                .mapToDouble(f -> (double) f.files().modules() / f.files().files()).toArray();
        double[] beta = betaByMoments(require(shares, "fresh installs with files"));
        long folders = 0;
        long filesBeyondFirst = 0;
        long empty = 0;
        long data = 0;
        long extra = 0;
        double[] metadata = new double[fresh.size()];
        for (int i = 0; i < fresh.size(); i++) {
            BurstFiles f = fresh.get(i).files();
            folders += f.folders();
            filesBeyondFirst += Math.max(0, f.files() - 1);
            empty += f.emptyFiles();
            data += f.dataFiles();
            extra += f.extraModifies();
            metadata[i] = f.metadata();
        }
        double[] dependencies = require(sample.dependencies(), "install commands (without --no-deps)");
        double[] uninstalled = require(sample.uninstalled(), "uninstall commands");
        return new PipFit(sample.traces(), sample.commandsUsed(), sample.stepsSkipped(),
                MixtureFit.logNormal(files), (int) Arrays.stream(files).max().orElse(1), beta[0], beta[1], fresh.size(),
                filesBeyondFirst == 0 ? 0 : Math.min(0.99, (double) folders / filesBeyondFirst),
                empty + data == 0 ? 0 : (double) empty / (empty + data), data == 0 ? 0 : (double) extra / data,
                Mean.of(metadata).getAsDouble(),
                Mean.of(dependencies).getAsDouble(), dependencies.length,
                Mean.of(uninstalled).getAsDouble(), uninstalled.length,
                MixtureFit.logNormal(require(sample.resolve(), "commands")),
                MixtureFit.logNormal(require(sample.exit(), "command exits")),
                MixtureFit.mixture(require(sample.gaps(GapKind.WRITE), "write gaps"), 4),
                MixtureFit.mixture(require(sample.gaps(GapKind.COMPILE), "byte-compile gaps"), 4),
                MixtureFit.mixture(require(sample.gaps(GapKind.REMOVE), "stash and delete gaps"), 4),
                MixtureFit.mixture(require(sample.gaps(GapKind.DISTRIBUTION), "gaps between installed distributions"), 3),
                MixtureFit.mixture(require(sample.gaps(GapKind.UNINSTALL_DISTRIBUTION),
                        "gaps between uninstalled distributions (an uninstall of two or more)"), 2),
                MixtureFit.logNormal(sample.eventsPerFreshDistribution()));
    }

    /** Beta(alpha, beta) with the sample's mean and variance; shares all alike give a tight Beta around the mean. */
    static double[] betaByMoments(double[] shares) {
        double m = Mean.of(shares).getAsDouble();
        double v = shares.length > 1 ? Variance.of(shares).getAsDouble() : 0;
        m = Math.min(1 - 1e-3, Math.max(1e-3, m));
        double common = v > 0 && v < m * (1 - m) ? m * (1 - m) / v - 1 : 1000;
        return new double[] {m * common, (1 - m) * common};
    }

    private static double[] require(double[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the traces hold no " + what + " to fit on");
        }
        return values;
    }
}
