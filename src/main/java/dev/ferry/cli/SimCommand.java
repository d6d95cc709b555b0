package dev.ferry.cli;

import dev.ferry.model.config.ConfigException;
import dev.ferry.report.run.RunReport;
import dev.ferry.sim.gate.Budget;
import dev.ferry.sim.gate.BudgetResult;
import dev.ferry.sim.gate.Comparison;
import dev.ferry.sim.gate.GateLimits;
import dev.ferry.sim.gate.Suite;
import dev.ferry.sim.parallel.SideBySide;
import dev.ferry.sim.workload.HeapEstimate;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
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
import picocli.CommandLine;

/** {@code ferry sim}: the discrete-event simulation. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Simulates thousands of sessions on virtual time with the real tracker inside each.",
        subcommands = {SimCommand.Run.class, SimCommand.RunSuite.class, SweepCommand.class,
                CommandLine.HelpCommand.class})
final class SimCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "ferry sim run WORKLOAD --seed 1 --out DIR");
    }

    static List<Budget> budgets(Path file, boolean required) {
        if (file == null || (!required && !Files.exists(file))) {
            return List.of();
        }
        try {
            return GateLimits.read(file);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs one workload with one seed and writes DIR/results.json (schema in README.md),",
                "DIR/sessions.csv (one row per session), DIR/report.html (the run report, opens offline) and",
                "DIR/series/ (the data of its charts). The workload is validated completely first.",
                "Shows a progress bar on a terminal, none in CI logs."})
    static final class Run implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "WORKLOAD", description = "A workload file, e.g. workloads/dsw-3500.yaml.")
        Path workload;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same results (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for results.json and sessions.csv.")
        Path out;

        @Option(names = "--budgets", paramLabel = "FILE", defaultValue = "sim/budgets.yaml",
                description = "Budgets to check and record in results.json and the report's verdict, if the file exists"
                        + " (default: ${DEFAULT-VALUE}).")
        Path budgets;

        @Option(names = "--strategy", paramLabel = "STRATEGY",
                description = "How sessions migrate, for a workload with a migration section: idle-aware, rolling or"
                        + " big-bang (default: the workload's).")
        String strategy;

        @Override
        public Integer call() {
            Strategy chosen = null;
            if (strategy != null) {
                chosen = Strategy.fromLabel(strategy).orElseThrow(() -> new UserError("--strategy must be one of "
                        + String.join(", ", Strategy.labels()) + ", was '" + strategy + "'", 2));
            }
            Workload w = SimRunner.workload(workload);
            if (chosen != null && w.migration() == null) {
                throw new UserError(workload + " has no migration section, so --strategy does not apply", 2);
            }
            SimRunner.Outcome outcome = SimRunner.run(w, seed, out, budgets(budgets, false), spec.commandLine().getOut(),
                    chosen, new SimRunner.Invocation(workload, budgets != null && Files.exists(budgets) ? budgets : null));
            return outcome.failed().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "suite", mixinStandardHelpOptions = true,
            description = {"Runs every workload x seed of a suite file, writes each run into OUT/<scenario>-seed<N>/,",
                "and checks every result against the budgets. Exits 1 listing every budget exceeded,",
                "with its value and limit. 'mvn verify -Psim' runs this on sim/suite.yaml."})
    static final class RunSuite implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SUITE", description = "A suite file, e.g. sim/suite.yaml.")
        Path suite;

        @Option(names = "--budgets", required = true, paramLabel = "FILE", description = "The budgets, e.g. sim/budgets.yaml.")
        Path budgets;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the runs' results.")
        Path out;

        @Option(names = "--baseline", paramLabel = "DIR", defaultValue = "reports/baseline",
                description = "Earlier runs to compare with in OUT/index.html, one folder each, matched on scenario,"
                        + " strategy and seed, if the folder exists (default: ${DEFAULT-VALUE}).")
        Path baseline;

        @Mixin
        ParallelOption parallel;

        @Override
        public Integer call() {
            int parallel = this.parallel.runs();
            List<Suite.Entry> entries;
            try {
                entries = Suite.read(suite);
            } catch (ConfigException e) {
                throw new UserError(e.getMessage(), 2);
            }
            List<Budget> limits = budgets(budgets, true);
            List<Comparison> comparisons;
            try {
                comparisons = GateLimits.comparisons(budgets);
            } catch (ConfigException e) {
                throw new UserError(e.getMessage(), 2);
            }
            List<Workload> workloads = new ArrayList<>();
            for (Suite.Entry entry : entries) {
                workloads.add(SimRunner.workload(entry.workload()));
            }
            PrintWriter log = spec.commandLine().getOut();
            List<String> exceeded = new ArrayList<>();
            List<Path> compared = new ArrayList<>();
            Map<String, SimRunner.Outcome> byLabel = new HashMap<>();
            List<RunBatch.Planned> planned = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Workload w = workloads.get(i);
                Suite.Entry entry = entries.get(i);
                List<Strategy> strategies = new ArrayList<>(entry.strategies());
                if (strategies.isEmpty()) {
                    strategies.add(null);
                }
                for (Strategy strategy : strategies) {
                    for (long seed : entry.seeds()) {
                        String label = SimRunner.scenario(w, strategy) + "-seed" + seed;
                        compared.add(out.resolve(label));
                        planned.add(new RunBatch.Planned(label, HeapEstimate.bytes(w), simulator -> SimRunner.run(w,
                                seed, out.resolve(label), limits, log, strategy, simulator,
                                new SimRunner.Invocation(entry.workload(), budgets))));
                    }
                }
            }
            int runs = planned.size();
            for (SideBySide.Done<SimRunner.Outcome> done : RunBatch.run("suite", planned, parallel, log)) {
                if (done.failed()) {
                    throw done.failure() instanceof RuntimeException e ? e : new IllegalStateException(done.failure());
                }
                SimRunner.Outcome outcome = done.value();
                byLabel.put(planned.get(done.index()).name(), outcome);
                for (BudgetResult b : outcome.failed()) {
                    exceeded.add(String.format(Locale.ROOT, "%s seed %d: %s = %s, limit %s %s", outcome.scenario(),
                            outcome.seed(), b.metric(), plain(b.value()), b.comparison(), plain(b.limit())));
                }
            }
            Map<String, List<RunReport.Verdict>> verdicts = new HashMap<>();
            exceeded.addAll(compare(comparisons, byLabel, log, verdicts));
            for (Map.Entry<String, SimRunner.Outcome> e : byLabel.entrySet()) {
                if (verdicts.containsKey(e.getKey())) {
                    rewriteReport(e.getValue(), verdicts.get(e.getKey()));
                }
            }
            ReportCommand.write(compared, Files.isDirectory(baseline) ? baseline : null, out.resolve("index.html"));
            log.println("report: " + out.resolve("index.html"));
            if (!exceeded.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("ferry: " + exceeded.size() + " budget(s) exceeded in " + runs + " run(s):");
                exceeded.forEach(line -> err.println("  " + line));
                err.flush();
                return 1;
            }
            log.println("all budgets held in " + runs + " run(s)");
            log.flush();
            return 0;
        }

        /** Writes a run's report.html again with the comparisons judged on it (into a temporary file, then moved). */
        private static void rewriteReport(SimRunner.Outcome outcome, List<RunReport.Verdict> verdicts) {
            Path file = outcome.out().resolve("report.html");
            try {
                Path temporary = Files.createTempFile(outcome.out(), ".report.html.", ".partial");
                try {
                    outcome.report().writeHtml(temporary, verdicts);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                throw new UserError("cannot write " + file + ": " + e.getMessage());
            }
        }

        /**
         * Each comparison on every seed both of its scenarios ran with; the lines of those that failed. Every
         * judgement joins {@code verdicts} under the label of the run it judged.
         */
        private static List<String> compare(List<Comparison> comparisons, Map<String, SimRunner.Outcome> byLabel,
                PrintWriter log, Map<String, List<RunReport.Verdict>> verdicts) {
            List<String> failed = new ArrayList<>();
            for (Comparison c : comparisons) {
                for (Map.Entry<String, SimRunner.Outcome> e : byLabel.entrySet()) {
                    SimRunner.Outcome mine = e.getValue();
                    if (!mine.scenario().equals(c.scenario())) {
                        continue;
                    }
                    SimRunner.Outcome other = byLabel.get(c.against() + "-seed" + mine.seed());
                    if (other == null) {
                        continue;
                    }
                    double value = c.value(mine.results());
                    double reference = c.value(other.results());
                    String line = String.format(Locale.ROOT, "%s seed %d: %s = %s against %s in %s, limit %s x",
                            c.scenario(), mine.seed(), c.metric(), plain(value), plain(reference), c.against(),
                            plain(c.maxRatio()));
                    log.println((c.holds(value, reference) ? "held: " : "FAILED: ") + c.name() + ": " + line);
                    verdicts.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(new RunReport.Verdict(c.name(), line, c.holds(value, reference)));
                    if (!c.holds(value, reference)) {
                        failed.add(line);
                    }
                }
            }
            return failed;
        }

        private static String plain(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : String.format(Locale.ROOT, "%.4g", value);
        }
    }
}
