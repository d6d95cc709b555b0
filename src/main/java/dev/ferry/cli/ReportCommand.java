package dev.ferry.cli;

import dev.ferry.report.compare.ComparisonReport;
import dev.ferry.report.compare.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry report}: HTML pages that put simulation runs side by side. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes HTML reports of simulation results for analysts to compare.",
        subcommands = {ReportCommand.Compare.class, CommandLine.HelpCommand.class})
final class ReportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "ferry report compare RUN_DIR --out FILE.html");
    }

    /**
     * Writes the comparison of run folders (and their baselines under {@code baseline}, if not null) to
     * {@code out}; what cannot be read is a user error naming the file.
     */
    static void write(List<Path> runs, Path baseline, Path out) {
        try {
            ComparisonReport.write(runs, baseline, out);
        } catch (IOException e) {
            throw new UserError("cannot write the comparison " + out + ": " + e.getMessage(), 2);
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Puts runs side by side in one offline HTML page. Runs are named by scenario, strategy and",
                "seed (from their results.json) and grouped by scenario and strategy; two strategies of one",
                "scenario are compared figure by figure across their seeds, with a 95% interval (Welch's t) and",
                "a verdict: better, worse or within noise. Each run is compared with the baseline run of the",
                "same scenario, strategy and seed, if --baseline holds one (the page says when not), and its",
                "regressions are marked. Charts overlay the runs' disruption CDFs and migration curves."})
    static final class Compare implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "RUN_DIR", arity = "1..*",
                description = "Run folders holding results.json (as 'sim run' writes them), or a folder of such"
                        + " folders (as 'sim suite' writes them).")
        List<Path> runs;

        @Option(names = "--baseline", paramLabel = "DIR",
                description = "A folder of earlier runs (e.g. reports/baseline), matched on scenario, strategy and seed.")
        Path baseline;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
        Path out;

        @Override
        public Integer call() {
            if (baseline != null && !Files.isDirectory(baseline)) {
                throw new UserError("--baseline " + baseline + (Files.exists(baseline) ? " is not a folder" : " does not"
                        + " exist") + "; give a folder of earlier runs (e.g. reports/baseline) or leave --baseline out", 2);
            }
            List<Path> folders = new ArrayList<>();
            for (Path run : runs) {
                folders.addAll(runFolders(run));
            }
            write(folders, baseline, out);
            spec.commandLine().getOut().println("report: " + out);
            return 0;
        }

        /** The folder itself when it holds results.json, else the run folders directly inside it. */
        private static List<Path> runFolders(Path run) {
            if (RunFolder.isRun(run)) {
                return List.of(run);
            }
            List<Path> inside = List.of();
            if (Files.isDirectory(run)) {
                try (Stream<Path> children = Files.list(run)) {
                    inside = children.filter(RunFolder::isRun).sorted().toList();
                } catch (IOException e) {
                    throw new UserError("cannot list " + run + ": " + e.getMessage(), 2);
                }
            }
            if (inside.isEmpty()) {
                throw new UserError(run + " holds no results.json, nor folders that do; give folders written by"
                        + " 'ferry sim run' or 'ferry sim suite'", 2);
            }
            return inside;
        }
    }
}
