package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.report.ComparisonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "ferry report compare RUN_DIR --out FILE.html");
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError("cannot read results " + file + ": " + e.getMessage(), 2);
        }
    }

    /** The baseline results of run {@code label} under {@code dir}, or null if there are none. */
    static JsonNode baseline(Path dir, String label) {
        Path file = dir == null ? null : dir.resolve(label).resolve("results.json");
        return file != null && Files.isRegularFile(file) ? read(file) : null;
    }

    static void write(List<ComparisonReport.Run> runs, Path file) {
        try {
            ComparisonReport.write(runs, file);
        } catch (IOException e) {
            throw new UserError("cannot write report " + file + ": " + e.getMessage());
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Puts runs side by side in one HTML page: the figures of each results.json, each run's",
                "change against its baseline (same folder name under --baseline) marked better or worse,",
                "and charts of latency, checkpoints per command and throughput. The page opens offline."})
    static final class Compare implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders holding results.json (as written by 'sim run').")
        List<Path> runs;

        @Option(names = "--baseline", paramLabel = "DIR", description = "Folder of earlier runs with the same folder names.")
        Path baseline;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
        Path out;

        @Override
        public Integer call() {
            if (baseline != null && !Files.isDirectory(baseline)) {
                throw new UserError("--baseline " + baseline + (Files.exists(baseline) ? " is not a folder" : " does not"
                        + " exist") + "; give a folder of earlier runs (e.g. reports/baseline) or leave --baseline out", 2);
            }
            List<ComparisonReport.Run> compared = new ArrayList<>();
            for (Path run : runs) {
                Path results = run.resolve("results.json");
                if (!Files.isRegularFile(results)) {
                    throw new UserError(run + " holds no results.json; give folders written by 'ferry sim run'", 2);
                }
                String label = run.toAbsolutePath().normalize().getFileName().toString();
                compared.add(new ComparisonReport.Run(label, read(results), baseline(baseline, label)));
            }
            write(compared, out);
            spec.commandLine().getOut().println("report: " + out);
            return 0;
        }
    }
}
