package dev.ferry.cli;

import dev.ferry.sim.workload.HeapEstimate;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/ferry}. */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Moves long-lived notebook sessions between orchestrators without losing users' work.",
            "",
            "The package tracker runs inside each session: it watches Python and R environments, writes a"
                + " durable checkpoint of what the user installed, and restores it on a new container."
        },
        subcommands = {
            SnapshotCommand.class,
            TrackCommand.class,
            CheckpointCommand.class,
            RestoreCommand.class,
            ReplayCommand.class,
            SimCommand.class,
            ModelCommand.class,
            ReportCommand.class,
            MigrateCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by {@link #main} and by tests. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with its output and errors going to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::handleUsage);
        CommandList.install(cli);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; an Error would end the JVM with a stack trace. The
            // simulation reports its own (SimRunner); this is for any other command.
            long max = Runtime.getRuntime().maxMemory();
            err.println("ferry: out of memory (max heap " + HeapEstimate.size(max) + "); give the JVM more with"
                    + " FERRY_JAVA_OPTS=-Xmx" + Math.max(2, 2 * (long) Math.ceil(max / (1024.0 * 1024 * 1024))) + "g");
            err.flush();
            return SimRunner.OUT_OF_MEMORY;
        }
    }

    /** {@code ferry} alone is a mistake (a script that lost its arguments), not a request for help: exit 2. */
    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.getErr().println("ferry: no command given; choose one of the commands below");
        cli.usage(cli.getErr());
        cli.getErr().flush();
        return 2;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UserError user) {
            err.println("ferry: " + user.getMessage());
            err.flush();
            return user.exitCode();
        }
        err.println("ferry: internal error: " + e);
        if (System.getenv("FERRY_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("ferry: set FERRY_DEBUG=1 to see where it happened");
        }
        err.flush();
        return 70;
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String unknown = firstUnknownOption(cli, args);
        err.println("ferry: " + (unknown != null ? "Unknown option: '" + unknown + "'" : e.getMessage()));
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return 2;
    }

    /** An option in {@code args} that the failing command does not know: a likelier cause than what picocli names first. */
    private static String firstUnknownOption(CommandLine cli, String[] args) {
        boolean afterCommand = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (arg.equals(cli.getCommandName())) {
                afterCommand = true;
                continue;
            }
            if (afterCommand && arg.startsWith("-") && arg.length() > 1) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (cli.getCommandSpec().findOption(name) == null) {
                    return name;
                }
            }
        }
        return null;
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ferry " + (version == null ? "(development build)" : version)};
        }
    }
}
