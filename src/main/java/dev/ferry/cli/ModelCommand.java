package dev.ferry.cli;

import dev.ferry.fit.MixtureFit;
import dev.ferry.fit.PipFit;
import dev.ferry.fit.PipModelYaml;
import dev.ferry.fit.TraceSample;
import dev.ferry.model.PipModel;
import dev.ferry.model.config.ConfigException;
import dev.ferry.trace.TraceFormatException;
import dev.ferry.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code ferry model}: the stochastic models the simulation reads from {@code model/}. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Fits the simulation's models on recorded data (see model/ for the fitted files).",
        subcommands = {ModelCommand.Fit.class, CommandLine.HelpCommand.class})
public final class ModelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "ferry model fit TRACE.jsonl --out model/pip.yaml");
    }

    /** {@code ferry model fit TRACE.jsonl... --out model/pip.yaml}. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {
                "Fits the pip model on recorded pip traces (see the traces README for the format) and writes it",
                "as YAML with each number's provenance: files per distribution and their layout, dependencies",
                "per install, distributions per uninstall, and the gaps between events (lognormals and lognormal",
                "mixtures by maximum likelihood). How often users run pip, and the mix of command kinds, cannot",
                "come from scripted traces: they are written as stated assumptions."
            },
            footer = {"", "Exit status: 0 when written, 2 for bad options, an unreadable trace, or traces that lack",
                "something the fit needs (the message names it)."})
    public static final class Fit implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TRACE.jsonl", arity = "1..*", description = "Recorded traces to fit on.")
        List<Path> traces;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model, e.g. model/pip.yaml.")
        Path out;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The date for the provenance (default: today).")
        String date;

        @Override
        public Integer call() throws IOException {
            LocalDate when;
            try {
                when = date == null ? LocalDate.now() : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new UserError("--date must be YYYY-MM-DD, was '" + date + "'", 2);
            }
            TraceSample sample = new TraceSample();
            for (Path trace : traces) {
                if (!Files.isReadable(trace)) {
                    throw new UserError("cannot read trace " + trace + ": no such file or not readable", 2);
                }
                try {
                    sample.add(trace.getFileName().toString(), TraceReader.read(trace));
                } catch (TraceFormatException e) {
                    throw new UserError(e.getMessage(), 2);
                }
            }
            PipFit fit;
            try {
                fit = PipFit.of(sample);
            } catch (IllegalArgumentException e) {
                throw new UserError("cannot fit: " + e.getMessage(), 2);
            }
            String yaml = PipModelYaml.write(fit, when, PipModelYaml.Assumptions.DEFAULT);
            Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
            try {
                PipModel.read(temporary);
            } catch (ConfigException e) {
                Files.deleteIfExists(temporary);
                throw new IllegalStateException("the fitted model does not read back: " + e.getMessage(), e);
            }
            Files.move(temporary, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "wrote %s from %d commands of %d traces%n", out, fit.commands(), traces.size());
            o.printf(Locale.ROOT, "files per distribution: lognormal ln-mean %.3f ln-sd %.3f (n=%d)%n",
                    fit.files().gap().components().get(0).logMean(), fit.files().gap().components().get(0).logSd(),
                    fit.files().n());
            o.printf(Locale.ROOT, "dependencies per install %.3f (n=%d), distributions per uninstall %.3f (n=%d)%n",
                    fit.dependenciesMean(), fit.installs(), fit.uninstallMean(), fit.uninstalls());
            line(o, "resolve", fit.resolve());
            line(o, "exit", fit.exit());
            line(o, "write gap", fit.writeGap());
            line(o, "compile gap", fit.compileGap());
            line(o, "remove gap", fit.removeGap());
            line(o, "distribution gap", fit.distributionGap());
            line(o, "uninstall distribution gap", fit.uninstallGap());
            o.flush();
            return 0;
        }

        private static void line(PrintWriter o, String what, MixtureFit.Result r) {
            o.printf(Locale.ROOT, "%s: %d component(s), n=%d, KS D=%.3f, median %.3f ms, mean %.3f ms%n", what,
                    r.components(), r.n(), r.ks(), r.gap().quantileMs(0.5), r.gap().meanMs());
        }
    }
}
