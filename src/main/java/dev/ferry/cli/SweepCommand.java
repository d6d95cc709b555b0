package dev.ferry.cli;

import dev.ferry.model.config.ConfigException;
import dev.ferry.report.sweep.SettingSummary;
import dev.ferry.report.sweep.SweepReport;
import dev.ferry.sim.gate.Budget;
import dev.ferry.sim.parallel.SideBySide;
import dev.ferry.sim.sweep.Sweep;
import dev.ferry.sim.sweep.SweepParameter;
import dev.ferry.sim.sweep.SweepReader;
import dev.ferry.sim.sweep.SweepRun;
import dev.ferry.sim.sweep.SweepRunFile;
import dev.ferry.sim.workload.HeapEstimate;
import dev.ferry.sim.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry sim sweep}: a grid of a migration's settings × seeds, run locally, as one index, or as a Job. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a sweep: the base workload of SWEEP.yaml with every setting of its parameters (fields of",
            "the workload's migration: section, and the strategy) x its seeds. The sweep file is validated",
            "completely first. Each run writes DIR/runs/<setting>,seed=<N>/ as 'sim run' does; runs already",
            "complete there are skipped, so an interrupted sweep resumes; a run that fails is reported and the",
            "others go on. Then DIR/sweep.html (the trade-off) and DIR/sweep.csv (one row per run).",
            "With --index, only run I (what a pod of the sweep's Kubernetes Job does); with --collect, only the",
            "report of the runs in DIR; with --kubernetes-job, only the Job's YAML (nothing is applied)."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP", description = "A sweep file, e.g. sim/sweep-example.yaml.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the runs and the report.")
    Path out;

    @Mixin
    ParallelOption parallel;

    @Option(names = "--budgets", paramLabel = "FILE", description = "Budgets to check and record in each run's"
            + " results.json (default: none; the gate's budgets are for the shipped settings).")
    Path budgets;

    @Option(names = "--index", paramLabel = "I", description = "Runs only run I (0 to runs - 1) into DIR, as the"
            + " sweep's Job's pod of that index does.")
    Integer index;

    @Option(names = "--collect", paramLabel = "DIR", description = "Writes DIR/sweep.html and DIR/sweep.csv from the"
            + " runs in DIR/runs (as the Job's pods left them) and lists the runs missing.")
    Path collect;

    @Option(names = "--kubernetes-job", paramLabel = "FILE.yaml", description = "Writes the sweep's Indexed Job to"
            + " FILE.yaml for 'kubectl apply -f'; nothing is applied.")
    Path jobFile;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "ferry:latest",
            description = "The image of the Job's pods, built from the repository's Dockerfile (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--parallelism", paramLabel = "P", description = "How many of the Job's pods run at once"
            + " (default: every run).")
    Integer parallelism;

    @Option(names = "--results-volume", paramLabel = "CLAIM", defaultValue = "ferry-sweep-results",
            description = "The persistent volume claim the Job's pods write their runs onto, mounted at /results"
                    + " (default: ${DEFAULT-VALUE}).")
    String claim;

    @Override
    public Integer call() {
        int modes = (index != null ? 1 : 0) + (collect != null ? 1 : 0) + (jobFile != null ? 1 : 0);
        if (modes > 1) {
            throw new UserError("give at most one of --index, --collect and --kubernetes-job", 2);
        }
        if ((collect != null || jobFile != null) && out != null) {
            throw new UserError("--out goes with a local sweep or --index, not with --collect or --kubernetes-job", 2);
        }
        if (collect == null && jobFile == null && out == null) {
            throw new UserError("missing --out DIR: the folder for the sweep's runs and report", 2);
        }
        Sweep sweep = read();
        PrintWriter log = spec.commandLine().getOut();
        if (jobFile != null) {
            SweepJobFile.write(sweep, file, jobFile, image, parallelism, claim, heapBytes(sweep));
            log.println("wrote the Indexed Job of " + sweep.runCount() + " runs to " + jobFile
                    + "; apply it with: kubectl apply -f " + jobFile);
            log.flush();
            return 0;
        }
        if (collect != null) {
            return collect(sweep, log);
        }
        List<Budget> limits = SimCommand.budgets(budgets, true);
        if (index != null) {
            return one(sweep, limits, log);
        }
        return all(sweep, limits, log);
    }

    private Sweep read() {
        try {
            Sweep sweep = SweepReader.read(file);
            HeapEstimate.check(sweep.workload(sweep.run(0)), sweep.workloadFile(), Runtime.getRuntime().maxMemory());
            return sweep;
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private static Workload workload(Sweep sweep, SweepRun run) {
        try {
            return sweep.workload(run);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    /** The heap of the largest run of the sweep: its settings do not change its sessions or days. */
    private static long heapBytes(Sweep sweep) {
        return HeapEstimate.bytes(workload(sweep, sweep.run(0)));
    }

    private int one(Sweep sweep, List<Budget> limits, PrintWriter log) {
        if (index < 0 || index >= sweep.runCount()) {
            throw new UserError("--index " + index + ": " + file + " has runs 0 to " + (sweep.runCount() - 1), 2);
        }
        SweepRun run = sweep.run(index);
        Path folder = folder(out, run);
        if (SweepRunFile.complete(folder, sweep, run)) {
            log.println(run.describe() + " is already complete in " + folder);
            log.flush();
            return 0;
        }
        runOne(sweep, run, limits, log, SimRunner.showProgress() ? null : SimRunner.reportingTo(f -> { }));
        return 0;
    }

    private int all(Sweep sweep, List<Budget> limits, PrintWriter log) {
        int sideBySide = parallel.runs();
        List<SweepRun> runs = sweep.runs();
        List<SweepRun> toRun = new ArrayList<>();
        List<RunBatch.Planned> planned = new ArrayList<>();
        for (SweepRun run : runs) {
            if (SweepRunFile.complete(folder(out, run), sweep, run)) {
                continue;
            }
            toRun.add(run);
            planned.add(new RunBatch.Planned(run.describe(), HeapEstimate.bytes(workload(sweep, run)),
                    simulator -> runOne(sweep, run, limits, log, simulator)));
        }
        if (toRun.size() < runs.size()) {
            log.println("sweep: " + (runs.size() - toRun.size()) + " of " + runs.size()
                    + " runs already complete in " + out + ", skipped");
        }
        long started = System.nanoTime();
        List<SideBySide.Done<SimRunner.Outcome>> done = RunBatch.run("sweep", planned, sideBySide, log);
        double wall = (System.nanoTime() - started) / 1e9;
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (SideBySide.Done<SimRunner.Outcome> d : done) {
            if (d.failed()) {
                failed++;
                Throwable t = d.failure();
                err.println("ferry: " + toRun.get(d.index()).describe() + " failed: " + (t instanceof UserError
                        ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage()));
            }
        }
        err.flush();
        double runsWall = done.stream().filter(d -> !d.failed()).mapToDouble(d -> d.value().results()
                .path("wall_s").asDouble()).sum();
        log.println(String.format(Locale.ROOT, "sweep: %d run(s) made in %.1f s wall, up to %d side by side; their"
                + " own wall times sum to %.1f s", done.size() - failed, wall, sideBySide, runsWall));
        report(sweep, out, done.isEmpty() ? null : wall, sideBySide, log);
        return failed == 0 ? 0 : 1;
    }

    private int collect(Sweep sweep, PrintWriter log) {
        List<String> missing = new ArrayList<>();
        for (SweepRun run : sweep.runs()) {
            if (!SweepRunFile.complete(folder(collect, run), sweep, run)) {
                missing.add(run.describe());
            }
        }
        if (missing.size() == sweep.runCount()) {
            throw new UserError("no run of " + file + " is complete in " + collect.resolve("runs")
                    + "; give the folder the Job's pods wrote (mounted at /results)", 1);
        }
        report(sweep, collect, null, 0, log);
        if (!missing.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("ferry: " + missing.size() + " of " + sweep.runCount() + " runs missing in "
                    + collect.resolve("runs") + ", the report has the others: " + String.join("; ", missing));
            err.flush();
            return 1;
        }
        return 0;
    }

    private void report(Sweep sweep, Path dir, Double wall, int sideBySide, PrintWriter log) {
        List<Path> folders = new ArrayList<>();
        for (SweepRun run : sweep.runs()) {
            if (SweepRunFile.complete(folder(dir, run), sweep, run)) {
                folders.add(folder(dir, run));
            }
        }
        try {
            List<SettingSummary> settings = SweepReport.write(sweep.name(),
                    sweep.parameters().stream().map(SweepParameter::field).toList(), folders, dir, wall, sideBySide);
            log.println("report: " + dir.resolve("sweep.html") + " (" + settings.size() + " settings, "
                    + settings.stream().filter(SettingSummary::pareto).count() + " on the Pareto front), data: "
                    + dir.resolve("sweep.csv"));
            log.flush();
        } catch (IOException e) {
            throw new UserError("cannot write the sweep's report into " + dir + ": " + e.getMessage());
        }
    }

    private SimRunner.Outcome runOne(Sweep sweep, SweepRun run, List<Budget> limits, PrintWriter log,
            SimRunner.Simulator simulator) {
        Path folder = folder(out, run);
        String again = "bin/ferry sim sweep " + file + " --index " + run.index() + " --out " + out;
        SimRunner.Invocation invocation = new SimRunner.Invocation(sweep.workloadFile(), budgets, again,
                Map.of(SweepRunFile.NAME, f -> SweepRunFile.write(sweep, run, f)));
        Workload workload = workload(sweep, run);
        return simulator == null ? SimRunner.run(workload, run.seed(), folder, limits, log, null, invocation)
                : SimRunner.run(workload, run.seed(), folder, limits, log, null, simulator, invocation);
    }

    private static Path folder(Path dir, SweepRun run) {
        return dir.resolve("runs").resolve(run.folderName());
    }
}
