package dev.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferry checkpoint}: reading checkpoint files. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Reads checkpoint files written by 'ferry track'.",
        subcommands = {CheckpointShow.class, CommandLine.HelpCommand.class})
final class CheckpointCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: that is a usage error, not a success. */
    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "ferry checkpoint show FILE");
    }
}
