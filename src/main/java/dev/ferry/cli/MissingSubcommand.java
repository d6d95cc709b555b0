package dev.ferry.cli;

import picocli.CommandLine.Model.CommandSpec;

/** A command group run without one of its subcommands: its usage on standard error, and exit 2. */
final class MissingSubcommand {

    private MissingSubcommand() {
    }

    /** Prints {@code group}'s usage to standard error and throws the error that ends the command with exit 2. */
    static UserError of(CommandSpec group, String example) {
        group.commandLine().usage(group.commandLine().getErr());
        return new UserError("missing subcommand: say what to do, e.g. '" + example + "'", 2);
    }
}
