package dev.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferry migrate}: the migration scheduler against real clusters. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Runs the migration scheduler against real Kubernetes clusters.",
        subcommands = {MigratePlanCommand.class, CommandLine.HelpCommand.class})
final class MigrateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "ferry migrate plan --help");
    }
}
