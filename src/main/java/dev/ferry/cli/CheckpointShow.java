package dev.ferry.cli;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.restore.CheckpointValidation;
import dev.ferry.tracker.restore.Requirements;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry checkpoint show}: the full set a checkpoint describes, validated as restore validates it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Prints the full set of packages a checkpoint describes, as sorted name==version lines",
            "(its baseline with the user's changes applied; with several environments, the first",
            "environment wins on a name). Details go to standard error with --verbose.",
            "",
            "Nothing is printed unless the checkpoint is trustworthy: its checksum matches, and every",
            "name is a PEP 508 name and every version a version (PEP 440 for what restore installs;",
            "elsewhere also versions as R and distributions write them, such as 7.3-60.0.1). A",
            "checkpoint restore refuses is refused here with the same reason. --raw prints the file's",
            "text for inspection instead, unvalidated and not as requirements."},
        footer = {"", "A checkpoint over 16 MiB or with more than 100,000 entries in one environment is",
            "refused (no real environment comes near).",
            "", "Exit status: 0 when the set was printed; 2 for bad options, or a checkpoint file",
            "that is missing, damaged, over the limits, or refused (an entry that is no PEP 508",
            "name or no version)."})
final class CheckpointShow implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The checkpoint file.")
    Path file;

    @Option(names = {"-v", "--verbose"},
            description = "Also print to standard error the generation and, per environment, the counts and every"
                    + " package the user added, removed or changed, with its versions.")
    boolean verbose;

    @Option(names = "--raw", description = "Print the file's text as it is, every line after '| ' with control and"
            + " non-ASCII characters escaped, without checking it: to inspect a damaged or refused checkpoint.")
    boolean raw;

    @Override
    public Integer call() {
        if (raw) {
            if (verbose) {
                throw new UserError("--raw prints the file as it is; it cannot be combined with --verbose", 2);
            }
            return raw();
        }
        Checkpoint checkpoint = CheckpointFiles.loadExact(file, prev -> "show it with 'ferry checkpoint show " + prev + "'");
        CheckpointFiles.validate(file, checkpoint, CheckpointValidation.Use.SHOW,
                "nothing was printed ('ferry checkpoint show --raw " + file + "' prints its text, unvalidated)");
        PrintWriter out = spec.commandLine().getOut();
        out.print(checkpoint.packages().toRequirementLines());
        out.flush();
        if (verbose) {
            details(checkpoint, spec.commandLine().getErr());
        }
        return 0;
    }

    /** The generation, and per environment its counts and every name the user added, removed or changed. */
    private static void details(Checkpoint checkpoint, PrintWriter err) {
        err.println("generation " + checkpoint.generation() + ", written "
                + java.time.Instant.ofEpochMilli(checkpoint.writtenAtEpochMillis()));
        for (EnvironmentState env : checkpoint.environments()) {
            PackageDiff diff = env.diff();
            err.println(env.kind().name().toLowerCase(Locale.ROOT) + " " + Requirements.quote(env.location()) + ": "
                    + env.current().size() + " packages; " + diff.summary() + " against the baseline");
            diff.added().forEach((name, version) -> err.println("  added " + name + " " + version));
            diff.removed().forEach((name, version) -> err.println("  removed " + name + " " + version));
            diff.changed().forEach((name, change) -> err.println("  changed " + name + " " + change.from() + " -> "
                    + change.to()));
        }
        err.flush();
    }

    private int raw() {
        String text = CheckpointFiles.readRaw(file);
        PrintWriter err = spec.commandLine().getErr();
        err.println("ferry: warning: " + file + " was not validated (neither its checksum nor its entries); its lines"
                + " follow '| ' on standard output, escaped, and are not requirements");
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println("# ferry checkpoint show --raw: the text of " + Requirements.quote(file.toString())
                + ", NOT VALIDATED; not a requirements file");
        out.println("# every line of the file follows '| ', control and non-ASCII characters escaped as \\uXXXX");
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            out.println("| " + Requirements.quote(lines[i]));
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println("# (the file does not end with a newline)");
        }
        out.flush();
        return 0;
    }
}
