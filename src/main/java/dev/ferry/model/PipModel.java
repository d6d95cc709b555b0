package dev.ferry.model;

import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How users drive pip: how often, what kind of command, how many distributions, how many files
 * each, and the timing of the events (from {@code model/pip.yaml}).
 *
 * @param operationsPerActiveHour  pip commands per hour of a user's active time (Poisson)
 * @param installShare             share of commands that install something new
 * @param upgradeShare             share that replace an installed distribution by another version
 * @param uninstallShare           share that remove distributions
 * @param dependenciesPerInstallMean mean number of dependencies pulled in per install (geometric)
 * @param uninstallMean            mean distributions removed per uninstall (1 + geometric)
 * @param filesLogMean             mean of ln(files per distribution)
 * @param filesLogSd               standard deviation of ln(files per distribution)
 * @param filesMax                 cap on files per distribution
 * @param timing                   the gaps between the events of one command and the layout of its files
 * @param unavailableAtRestore     share of a user's packages the index no longer serves when a restore asks
 *                                 for them (optional, 0 by default): each fails its restore
 * @param provenance               where the numbers come from
 */
public record PipModel(double operationsPerActiveHour, double installShare, double upgradeShare, double uninstallShare,
                       double dependenciesPerInstallMean, double uninstallMean, double filesLogMean, double filesLogSd,
                       int filesMax, PipTiming timing, double unavailableAtRestore, String provenance) {

    public static PipModel read(Path file) throws ConfigException {
        return from(YamlFile.read(file).fields());
    }

    public static PipModel from(Fields f) throws ConfigException {
        f.allowOnly("provenance", "operations_per_active_hour", "mix", "dependencies_per_install_mean",
                "distributions_per_uninstall_mean", "files_per_distribution", "timing", "unavailable_at_restore");
        Fields mix = f.object("mix").allowOnly("install", "upgrade", "uninstall");
        double install = mix.number("install", 0, 1);
        double upgrade = mix.number("upgrade", 0, 1);
        double uninstall = mix.number("uninstall", 0, 1);
        if (Math.abs(install + upgrade + uninstall - 1) > 1e-6) {
            throw f.error("mix", "install + upgrade + uninstall must add up to 1, they add up to "
                    + (install + upgrade + uninstall));
        }
        Fields files = f.object("files_per_distribution").allowOnly("log_mean", "log_sd", "max", "py_share",
                "directories_per_file", "empty_file_share", "extra_modify_mean", "metadata_files_mean");
        Fields py = files.object("py_share").allowOnly("alpha", "beta");
        PipTiming.Layout layout = new PipTiming.Layout(py.number("alpha", 1e-3, 1e3), py.number("beta", 1e-3, 1e3),
                files.number("directories_per_file", 0, 0.99), files.number("empty_file_share", 0, 0.99),
                files.number("extra_modify_mean", 0, 100), files.number("metadata_files_mean", 0, 100));
        Fields t = f.object("timing").allowOnly("resolve_ms", "exit_ms", "write_gap_ms", "compile_gap_ms",
                "remove_gap_ms", "distribution_gap_ms", "uninstall_distribution_gap_ms");
        PipTiming timing = new PipTiming(gap(t, "resolve_ms", 600_000), gap(t, "exit_ms", 60_000),
                gap(t, "write_gap_ms", 10_000), gap(t, "compile_gap_ms", 10_000), gap(t, "remove_gap_ms", 10_000),
                gap(t, "distribution_gap_ms", 60_000), gap(t, "uninstall_distribution_gap_ms", 60_000), layout);
        return new PipModel(f.number("operations_per_active_hour", 0, 1000), install, upgrade, uninstall,
                f.number("dependencies_per_install_mean", 0, 100), f.number("distributions_per_uninstall_mean", 1, 100),
                files.number("log_mean", -5, 15), files.number("log_sd", 0, 10), files.integer("max", 1, 1_000_000),
                timing, f.has("unavailable_at_restore") ? f.number("unavailable_at_restore", 0, 1) : 0,
                f.text("provenance"));
    }

    /**
     * A duration in milliseconds: either one lognormal {@code {log_mean, log_sd, min, max}} or a mixture
     * {@code {components: [{weight, log_mean, log_sd}, ...], min, max}}; draws are clamped to [min, max].
     */
    private static PipTiming.Gap gap(Fields timing, String field, double maxMs) throws ConfigException {
        Fields g = timing.object(field);
        double min = g.number("min", 0, maxMs);
        double max = g.number("max", 0, maxMs);
        if (min > max) {
            throw g.error("min", "must not exceed max (" + max + ")");
        }
        List<PipTiming.Component> components = new ArrayList<>();
        if (g.has("components")) {
            g.allowOnly("components", "min", "max");
            double total = 0;
            for (Fields c : g.list("components")) {
                c.allowOnly("weight", "log_mean", "log_sd");
                double weight = c.number("weight", 1e-9, 1);
                total += weight;
                components.add(new PipTiming.Component(weight, c.number("log_mean", -30, 30), c.number("log_sd", 1e-6, 20)));
            }
            if (components.isEmpty() || Math.abs(total - 1) > 1e-3) {
                throw g.error("components", "needs at least one component and weights that add up to 1, they add up to "
                        + total);
            }
        } else {
            g.allowOnly("log_mean", "log_sd", "min", "max");
            components.add(new PipTiming.Component(1, g.number("log_mean", -30, 30), g.number("log_sd", 1e-6, 20)));
        }
        return new PipTiming.Gap(components, min, max);
    }

    /** The kinds of command, in the order the mix lists them. */
    public enum Kind { INSTALL, UPGRADE, UNINSTALL }

    public static final List<Kind> KINDS = List.of(Kind.INSTALL, Kind.UPGRADE, Kind.UNINSTALL);

    /** The same model with {@code share} of the packages restores ask for unavailable from the index. */
    public PipModel withUnavailableAtRestore(double share) {
        return new PipModel(operationsPerActiveHour, installShare, upgradeShare, uninstallShare, dependenciesPerInstallMean,
                uninstallMean, filesLogMean, filesLogSd, filesMax, timing, share, provenance);
    }

    /** The operations-per-hour rate scaled, as a workload may do. */
    public PipModel withRate(double perActiveHour) {
        return new PipModel(perActiveHour, installShare, upgradeShare, uninstallShare, dependenciesPerInstallMean,
                uninstallMean, filesLogMean, filesLogSd, filesMax, timing, unavailableAtRestore, provenance);
    }
}
