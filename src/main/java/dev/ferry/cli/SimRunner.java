package dev.ferry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.config.ConfigException;
import dev.ferry.report.ResultsJson;
import dev.ferry.report.SessionsCsv;
import dev.ferry.report.run.BuildInfo;
import dev.ferry.report.run.RunInfo;
import dev.ferry.report.run.RunReport;
import dev.ferry.sim.gate.Budget;
import dev.ferry.sim.gate.BudgetResult;
import dev.ferry.sim.migration.MigrationHistory;
import dev.ferry.sim.migration.MigrationOutcome;
import dev.ferry.sim.run.Simulation;
import dev.ferry.sim.run.SimulationResult;
import dev.ferry.sim.workload.HeapEstimate;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs one workload and seed, checks the budgets, and writes results.json, sessions.csv, report.html and the series
 * behind its charts (series/) into a folder.
 */
final class SimRunner {

    /** What one run produced; {@code report} is kept so that a suite can add its comparisons to report.html. */
    record Outcome(String scenario, long seed, ObjectNode results, List<BudgetResult> budgets, RunReport report,
            Path out) {
        List<BudgetResult> failed() {
            return budgets.stream().filter(b -> !b.pass()).toList();
        }
    }

    /** The exit code when the JVM ran out of memory: neither bad input (2) nor a failed check (1). */
    static final int OUT_OF_MEMORY = 3;

    private SimRunner() {
    }

    /** Reads and checks a workload, and that this JVM's heap can hold its simulation (see {@link HeapEstimate}). */
    static Workload workload(Path file) {
        try {
            Workload workload = WorkloadReader.read(file);
            HeapEstimate.check(workload, file, Runtime.getRuntime().maxMemory());
            return workload;
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    /**
     * What budgets and result folders call a run: the workload's name, and for a workload that migrates, its
     * strategy too ({@code dsw-3500-migration-rolling}).
     */
    static String scenario(Workload workload, Strategy strategy) {
        if (workload.migration() == null) {
            return workload.name();
        }
        return workload.name() + "-" + (strategy != null ? strategy : workload.migration().strategy()).label();
    }

    /**
     * How the run was asked for, to name in its report: the workload's file and the budgets' (null: none); for a run
     * of a sweep, the command that makes it again ({@code rerun}) and the files it adds to the run's folder.
     */
    record Invocation(Path workloadFile, Path budgetsFile, String rerun, Map<String, ResultFolder.Content> files) {

        Invocation(Path workloadFile, Path budgetsFile) {
            this(workloadFile, budgetsFile, null, Map.of());
        }

        /** The command that runs the same simulation again into {@code out}. */
        String command(long seed, Strategy strategy, Path out) {
            if (rerun != null) {
                return rerun;
            }
            return "bin/ferry sim run " + workloadFile + " --seed " + seed
                    + (strategy == null ? "" : " --strategy " + strategy.label())
                    + (budgetsFile == null ? "" : " --budgets " + budgetsFile) + " --out " + out;
        }
    }

    static Outcome run(Workload workload, long seed, Path out, List<Budget> budgets, PrintWriter log) {
        return run(workload, seed, out, budgets, log, null);
    }

    /** {@code strategy} overrides the workload's migration strategy (null: the workload's). */
    static Outcome run(Workload workload, long seed, Path out, List<Budget> budgets, PrintWriter log,
            Strategy strategy) {
        return run(workload, seed, out, budgets, log, strategy, SimRunner::simulate);
    }

    static Outcome run(Workload workload, long seed, Path out, List<Budget> budgets, PrintWriter log,
            Strategy strategy, Invocation invocation) {
        return run(workload, seed, out, budgets, log, strategy, SimRunner::simulate, invocation);
    }

    /**
     * What a simulation left to report: its result and, for a migration, the migration's outcome and its history
     * over virtual time (both null without a migration).
     */
    record Simulated(SimulationResult result, MigrationOutcome migration, MigrationHistory history) {
    }

    /** Runs the simulation of a workload; tests give one that fails. */
    interface Simulator {
        Simulated simulate(Workload workload, long seed, Strategy strategy);
    }

    /**
     * Runs and writes one simulation. The output folder appears only when the run is complete (see
     * {@link ResultFolder}); running out of memory, in the simulation or while writing, is one line with what to do
     * and exit 3, and leaves no folder behind. The catch is here, outside the frames that held the simulation, so
     * its heap is free again by then.
     */
    static Outcome run(Workload workload, long seed, Path out, List<Budget> budgets, PrintWriter log,
            Strategy strategy, Simulator simulator) {
        return run(workload, seed, out, budgets, log, strategy, simulator,
                new Invocation(Path.of(workload.name() + ".yaml"), null));
    }

    static Outcome run(Workload workload, long seed, Path out, List<Budget> budgets, PrintWriter log,
            Strategy strategy, Simulator simulator, Invocation invocation) {
        ResultFolder.prepare(out);
        long started = System.nanoTime();
        try {
            return runAndWrite(workload, seed, out, budgets, log, strategy, simulator, started, invocation);
        } catch (OutOfMemoryError e) {
            long max = Runtime.getRuntime().maxMemory();
            throw new UserError(String.format(Locale.ROOT, "out of memory simulating %s seed %d after %.0f s (max heap"
                    + " %s); nothing was written to %s; give the JVM more with FERRY_JAVA_OPTS=-Xmx%dg, or simulate"
                    + " fewer sessions or days", workload.name(), seed, (System.nanoTime() - started) / 1e9,
                    HeapEstimate.size(max), out, Math.max(2, 2 * (long) Math.ceil(max / (1024.0 * 1024 * 1024)))),
                    OUT_OF_MEMORY);
        }
    }

    /**
     * The simulator of a run among others side by side: it tells {@code progress} (0 to 1) how far it is instead of
     * drawing a bar of its own.
     */
    static Simulator reportingTo(DoubleConsumer progress) {
        return (workload, seed, strategy) -> {
            Simulation simulation = new Simulation(workload, seed, strategy);
            SimulationResult result = simulation.run(progress);
            return new Simulated(result, simulation.migration(), simulation.history());
        };
    }

    private static Simulated simulate(Workload workload, long seed, Strategy strategy) {
        if (!showProgress()) {
            return reportingTo(fraction -> { }).simulate(workload, seed, strategy);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(workload.name() + " seed " + seed)
                .setInitialMax(1000).setStyle(ProgressBarStyle.ASCII).setUnit(" ‰ of virtual time", 1).build()) {
            return reportingTo(fraction -> bar.stepTo(Math.round(fraction * 1000))).simulate(workload, seed, strategy);
        }
    }

    private static Outcome runAndWrite(Workload workload, long seed, Path out, List<Budget> budgets, PrintWriter log,
            Strategy strategy, Simulator simulator, long started, Invocation invocation) {
        Simulated simulated = simulator.simulate(workload, seed, strategy);
        SimulationResult result = simulated.result();
        MigrationOutcome migration = simulated.migration();
        double wall = (System.nanoTime() - started) / 1e9;
        ObjectNode tree = ResultsJson.tree(result, wall, List.of(), migration);
        List<BudgetResult> checked = new ArrayList<>();
        for (Budget budget : budgets) {
            if (budget.appliesTo(scenario(workload, strategy))) {
                checked.add(budget.check(tree));
            }
        }
        ObjectNode results = ResultsJson.tree(result, wall, checked, migration);
        Strategy ran = workload.migration() == null ? null
                : strategy != null ? strategy : workload.migration().strategy();
        RunInfo info = new RunInfo(workload.name(), invocation.workloadFile().toString(), scenario(workload, strategy),
                seed, ran == null ? null : ran.label(), BuildInfo.current(), wall,
                invocation.command(seed, strategy, out), workload.start());
        RunReport report = RunReport.of(info, result, simulated.history(), results);
        try {
            ResultFolder folder = ResultFolder.at(out)
                    .with("sessions.csv", file -> SessionsCsv.write(result, report.sessions(), file));
            invocation.files().forEach(folder::with);
            for (String name : report.seriesFiles()) {
                folder.with(name, file -> report.writeSeriesFile(name, file));
            }
            folder.with("report.html", file -> report.writeHtml(file, List.of()))
                    .with("results.json", file -> ResultsJson.write(results, file)).write();
        } catch (IOException e) {
            throw new UserError("cannot write results into " + out + ": " + e.getMessage());
        }
        double reportSeconds = (System.nanoTime() - started) / 1e9 - wall;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s seed %d: %d sessions, %.1f virtual days, %d file events in %.1f s wall (%,d events/s);"
                        + " exact at quiescence %.4f, %.3f checkpoints per operation, latency p50 %.0f ms max %.0f ms,"
                        + " %d restarts, %d lost packages -> %s (report.html and data written in %.1f s)%n",
                workload.name(), seed, result.sessions(), result.virtualDays(), result.totals().fileEvents(), wall,
                Math.round(result.totals().fileEvents() / Math.max(wall, 1e-9)), result.exactAtQuiescence(),
                result.amplification(), result.latencyP50Ms(), result.latencyMaxMs(), result.totals().restarts(),
                result.totals().lostPackages(), out, reportSeconds));
        if (migration != null) {
            double[] v = migration.userVisibleSeconds();
            line.append(String.format(Locale.ROOT, "  migration %s: %d migrated, %d failed, %d rolled back, %d stranded, %d double-running,"
                            + " makespan %.2f h; %d sessions disrupted while active, user-visible p99 %.1f s max %.1f s,"
                            + " %d lost packages%n", migration.strategy(), migration.migrated(), migration.failed(),
                    migration.rolledBack(), migration.stranded(), migration.doubleRunning(), migration.makespanHours(),
                    migration.disruptedWhileActive(), v[2], v[3], migration.lostPackages()));
        }
        log.print(line);
        log.flush();
        return new Outcome(scenario(workload, strategy), seed, results, checked, report, out);
    }

    /** A progress bar on a terminal; none in CI logs or when output is redirected. */
    static boolean showProgress() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
