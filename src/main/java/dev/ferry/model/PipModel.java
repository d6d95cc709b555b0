package dev.ferry.model;

import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
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
 * @param timing                   the time constants of the events of one command
 * @param provenance               where the numbers come from
 */
public record PipModel(double operationsPerActiveHour, double installShare, double upgradeShare, double uninstallShare,
                       double dependenciesPerInstallMean, double uninstallMean, double filesLogMean, double filesLogSd,
                       int filesMax, PipTiming timing, String provenance) {

    private static final double MS = 1e6;

    public static PipModel read(Path file) throws ConfigException {
        return from(YamlFile.read(file).fields());
    }

    public static PipModel from(Fields f) throws ConfigException {
        f.allowOnly("provenance", "operations_per_active_hour", "mix", "dependencies_per_install_mean",
                "distributions_per_uninstall_mean", "files_per_distribution", "timing");
        Fields mix = f.object("mix").allowOnly("install", "upgrade", "uninstall");
        double install = mix.number("install", 0, 1);
        double upgrade = mix.number("upgrade", 0, 1);
        double uninstall = mix.number("uninstall", 0, 1);
        if (Math.abs(install + upgrade + uninstall - 1) > 1e-6) {
            throw f.error("mix", "install + upgrade + uninstall must add up to 1, they add up to "
                    + (install + upgrade + uninstall));
        }
        Fields files = f.object("files_per_distribution").allowOnly("log_mean", "log_sd", "max");
        Fields t = f.object("timing").allowOnly("resolve_ms", "file_gap_mean_ms", "distribution_gap_max_ms",
                "compile_gap_mean_ms", "exit_ms");
        double[] resolve = t.range("resolve_ms", 0, 600_000);
        double[] exit = t.range("exit_ms", 0, 60_000);
        PipTiming timing = new PipTiming((long) (resolve[0] * MS), (long) (resolve[1] * MS),
                (long) (t.number("file_gap_mean_ms", 0, 10_000) * MS),
                (long) (t.number("distribution_gap_max_ms", 0, 60_000) * MS),
                (long) (t.number("compile_gap_mean_ms", 0, 10_000) * MS),
                (long) (exit[0] * MS), (long) (exit[1] * MS));
        return new PipModel(f.number("operations_per_active_hour", 0, 1000), install, upgrade, uninstall,
                f.number("dependencies_per_install_mean", 0, 100), f.number("distributions_per_uninstall_mean", 1, 100),
                files.number("log_mean", -5, 15), files.number("log_sd", 0, 10), files.integer("max", 1, 1_000_000),
                timing, f.text("provenance"));
    }

    /** The kinds of command, in the order the mix lists them. */
    public enum Kind { INSTALL, UPGRADE, UNINSTALL }

    public static final List<Kind> KINDS = List.of(Kind.INSTALL, Kind.UPGRADE, Kind.UNINSTALL);

    /** The operations-per-hour rate scaled, as a workload may do. */
    public PipModel withRate(double perActiveHour) {
        return new PipModel(perActiveHour, installShare, upgradeShare, uninstallShare, dependenciesPerInstallMean,
                uninstallMean, filesLogMean, filesLogSd, filesMax, timing, provenance);
    }
}
