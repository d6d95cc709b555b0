package dev.ferry.cli;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry snapshot}: what is installed in one environment, now. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {
            "Prints what is installed in an environment as sorted name==version lines: Python",
            "distributions whose *.dist-info is complete (RECORD written) or that have an *.egg-info,",
            "names normalized as PEP 503 does; or R packages with a DESCRIPTION."
        })
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "DIR",
            description = "A Python site-packages directory or an R library directory.")
    Path env;

    @Override
    public Integer call() {
        Scanner scanner = Environments.open(env);
        PackageSet set;
        try {
            set = scanner.scan();
        } catch (IOException e) {
            throw new UserError("cannot read " + env + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(set.toRequirementLines());
        out.flush();
        return 0;
    }
}
