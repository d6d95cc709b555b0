package dev.ferry.fit;

import dev.ferry.model.PipTiming;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes a fit as {@code model/pip.yaml}, the file {@link dev.ferry.model.PipModel#read} reads: every
 * number with a comment saying what it was fitted on and how, and the two that the traces cannot give
 * (how often users run pip, and what kind of command) as stated assumptions.
 */
public final class PipModelYaml {

    /** The assumptions the traces cannot replace: they are scripted sessions, not users. */
    public record Assumptions(double operationsPerActiveHour, double install, double upgrade, double uninstall) {
        public static final Assumptions DEFAULT = new Assumptions(0.5, 0.6, 0.25, 0.15);
    }

    private PipModelYaml() {
    }

    public static String write(PipFit fit, LocalDate date, Assumptions assumptions) {
        StringBuilder y = new StringBuilder();
        y.append("""
                # How users drive pip in the simulation, and the inotify events each pip command makes.
                # Written by `bin/ferry model fit` (dev.ferry.fit) from recorded traces: re-run it to refit.
                # A *_ms entry is a duration in milliseconds: a lognormal of ln(ms) {log_mean, log_sd}, or a
                # mixture of them {components: [{weight, log_mean, log_sd}, ...]}; every draw is clamped to
                # [min, max], the range observed. KS D is the Kolmogorov-Smirnov distance of the fit to its data.
                """);
        y.append("provenance: \"fit ").append(date).append(" by ferry model fit on ").append(String.join(", ", fit.traces()))
                .append(" (").append(fit.commands()).append(" pip commands run alone; ").append(fit.stepsSkipped())
                .append(" steps of parallel commands or a pip crash left out): lognormals by maximum likelihood"
                        + " (mean and sd of logarithms), gap mixtures by EM with components chosen by BIC, module share"
                        + " Beta by moments, means for counts; operations_per_active_hour and mix are assumptions,"
                        + " not fitted\"\n\n");
        y.append("""
                # Assumptions, not fitted: the traces are scripted sessions and say nothing about how often users
                # run pip or which kind of command. Replace with a fit on real sessions' pip logs.
                """);
        y.append("operations_per_active_hour: ").append(num(assumptions.operationsPerActiveHour())).append('\n');
        y.append("mix: {install: ").append(num(assumptions.install())).append(", upgrade: ")
                .append(num(assumptions.upgrade())).append(", uninstall: ").append(num(assumptions.uninstall()))
                .append("}\n\n");
        y.append("# Mean of (dist-info folders an install wrote - requirements it named), over ").append(fit.installs())
                .append(" installs without --no-deps\n# (maximum likelihood of the geometric's mean).\n");
        y.append("dependencies_per_install_mean: ").append(sig(fit.dependenciesMean())).append('\n');
        y.append("# Mean dist-info folders an uninstall removed, over ").append(fit.uninstalls()).append(" uninstalls.\n");
        y.append("distributions_per_uninstall_mean: ").append(sig(fit.uninstallMean())).append("\n\n");

        MixtureFit.Result files = fit.files();
        PipTiming.Component f = files.gap().components().get(0);
        double pyMean = fit.pyShareAlpha() / (fit.pyShareAlpha() + fit.pyShareBeta());
        y.append("files_per_distribution:\n");
        y.append("  # ln(files outside the dist-info) of the ").append(files.n()).append(" fresh installs (no older version replaced),\n")
                .append("  # each the most files any trace shows for that name and version: inotifywait misses files written\n")
                .append("  # into a new folder before it watches it, so each observation is a lower bound. Reinstalls are left\n")
                .append("  # out: the scripted scenarios reinstall their largest distributions on purpose. Lognormal by maximum\n")
                .append("  # likelihood, KS D=").append(fix(files.ks(), 3)).append('\n');
        y.append("  log_mean: ").append(fix(f.logMean(), 4)).append('\n');
        y.append("  log_sd: ").append(fix(f.logSd(), 4)).append('\n');
        y.append("  max: ").append(fit.filesMax()).append("   # the most observed; larger draws are clamped\n");
        y.append("  # The layout, from the same ").append(fit.freshDistributions()).append(" fresh installs:\n");
        y.append("  # share of .py modules per distribution, Beta by moments (mean ").append(fix(pyMean, 3)).append(")\n");
        y.append("  py_share: {alpha: ").append(sig(fit.pyShareAlpha())).append(", beta: ").append(sig(fit.pyShareBeta()))
                .append("}\n");
        y.append("  directories_per_file: ").append(sig(fit.directoriesPerFile()))
                .append("   # sub-folders per file beyond the first\n");
        y.append("  empty_file_share: ").append(sig(fit.emptyFileShare()))
                .append("   # files created and closed with no modify event\n");
        y.append("  extra_modify_mean: ").append(sig(fit.extraModifyMean()))
                .append("   # modify events beyond the first, per file with data (geometric)\n");
        y.append("  metadata_files_mean: ").append(sig(fit.metadataFilesMean()))
                .append("   # dist-info files besides METADATA, WHEEL, RECORD, INSTALLER, REQUESTED (Poisson)\n");
        MixtureFit.Result events = fit.eventsPerDistribution();
        PipTiming.Component e = events.gap().components().get(0);
        y.append("  # Not an input: events per fresh distribution as recorded, lognormal(log_mean ").append(fix(e.logMean(), 3))
                .append(", log_sd ").append(fix(e.logSd(), 3)).append("),\n  # n=").append(events.n())
                .append("; dev.ferry.fit.FidelityTest compares the synthetic bursts with the recordings.\n\n");

        y.append("# Gaps pooled over all the traces: a trace recorded under CPU or disk load puts its slow gaps\n")
                .append("# into the tails. Each kind is named after the event it comes before.\n");
        y.append("timing:\n");
        gap(y, "resolve_ms", "from a command's start to its first event (pip resolving), lognormal", fit.resolve());
        gap(y, "exit_ms", "from a command's last event to its exit, lognormal", fit.exit());
        gap(y, "write_gap_ms", "before an event that writes (file create/modify/close/rename, folder create)", fit.writeGap());
        gap(y, "compile_gap_ms", "before each byte-compiled file: compiling one module", fit.compileGap());
        gap(y, "remove_gap_ms", "before a move into a ~ stash or a deletion", fit.removeGap());
        gap(y, "distribution_gap_ms", "from one distribution's last event to the next one's first, in an install",
                fit.distributionGap());
        gap(y, "uninstall_distribution_gap_ms", "the same, in an uninstall", fit.uninstallGap());
        return y.toString();
    }

    private static void gap(StringBuilder y, String field, String what, MixtureFit.Result r) {
        List<PipTiming.Component> components = r.gap().components();
        y.append("  # ").append(what).append(";\n  # n=").append(r.n());
        if (components.size() > 1) {
            y.append(", ").append(components.size()).append(" components by BIC");
        }
        y.append(", KS D=").append(fix(r.ks(), 3)).append('\n');
        if (components.size() == 1) {
            PipTiming.Component c = components.get(0);
            y.append("  ").append(field).append(": {log_mean: ").append(fix(c.logMean(), 4)).append(", log_sd: ")
                    .append(fix(c.logSd(), 4)).append(", min: ").append(sig(r.gap().minMs())).append(", max: ")
                    .append(sig(r.gap().maxMs())).append("}\n");
            return;
        }
        y.append("  ").append(field).append(":\n");
        y.append("    min: ").append(sig(r.gap().minMs())).append('\n');
        y.append("    max: ").append(sig(r.gap().maxMs())).append('\n');
        y.append("    components:\n");
        String[] weights = weights(components);
        for (int i = 0; i < components.size(); i++) {
            PipTiming.Component c = components.get(i);
            y.append("      - {weight: ").append(weights[i]).append(", log_mean: ").append(fix(c.logMean(), 4))
                    .append(", log_sd: ").append(fix(c.logSd(), 4)).append("}\n");
        }
    }

    /** Weights to 4 decimals that add up to exactly 1 (the largest takes the rounding). */
    private static String[] weights(List<PipTiming.Component> components) {
        BigDecimal[] w = new BigDecimal[components.size()];
        BigDecimal sum = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = BigDecimal.valueOf(components.get(i).weight()).setScale(4, RoundingMode.HALF_EVEN)
                    .max(new BigDecimal("0.0001"));
            sum = sum.add(w[i]);
            if (w[i].compareTo(w[largest]) > 0) {
                largest = i;
            }
        }
        w[largest] = w[largest].add(BigDecimal.ONE.subtract(sum));
        String[] out = new String[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i].stripTrailingZeros().toPlainString();
        }
        return out;
    }

    /** Four significant digits. */
    static String sig(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    /** A fixed number of decimals. */
    static String fix(double value, int decimals) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%s", BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }
}
