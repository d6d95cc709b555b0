package dev.ferry.cli;

import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.restore.CheckpointValidation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry checkpoint}: reading checkpoint files. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Reads checkpoint files written by 'ferry track'.",
        subcommands = {CheckpointCommand.Show.class, CommandLine.HelpCommand.class})
final class CheckpointCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Prints the full set of packages a checkpoint describes, as sorted name==version lines",
                "(its baseline with the user's changes applied; with several environments, the first",
                "environment wins on a name). Details go to standard error with --verbose."},
            footer = {"", "A checkpoint over 16 MiB or with more than 100,000 entries in one environment is",
                "refused (no real environment comes near).",
                "", "Exit status: 0 when the set was printed; 2 for bad options, or a checkpoint file",
                "that is missing, damaged, over the limits, or refused (an entry that is no PEP 508",
                "name or no version)."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The checkpoint file.")
        Path file;

        @CommandLine.Option(names = {"-v", "--verbose"},
                description = "Also print the generation and, per environment, what was added, removed and changed.")
        boolean verbose;

        @Override
        public Integer call() {
            Checkpoint checkpoint = CheckpointFiles.loadExact(file);
            CheckpointFiles.validate(file, checkpoint, CheckpointValidation.Use.SHOW,
                    "nothing was printed ('ferry checkpoint show --raw " + file + "' prints its text, unvalidated)");
            PrintWriter out = spec.commandLine().getOut();
            out.print(checkpoint.packages().toRequirementLines());
            out.flush();
            if (verbose) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("generation " + checkpoint.generation() + ", written "
                        + java.time.Instant.ofEpochMilli(checkpoint.writtenAtEpochMillis()));
                checkpoint.environments().forEach(env -> err.println(env.kind().name().toLowerCase() + " "
                        + env.location() + ": " + env.current().size() + " packages; " + env.diff().summary()
                        + " against the baseline"));
                err.flush();
            }
            return 0;
        }
    }
}
