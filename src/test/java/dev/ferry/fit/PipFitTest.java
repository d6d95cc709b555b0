package dev.ferry.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ferry.cli.ModelCommand;
import dev.ferry.model.PipModel;
import dev.ferry.model.PipTiming;
import dev.ferry.trace.TraceLine;
import dev.ferry.trace.TraceReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The fitter on a hand-made trace of three pip commands, whose numbers are worked out by hand below.
 * Every gap of one kind has the same length, so each fitted lognormal sits exactly at ln(that length):
 * a gap put into the wrong kind would move a mean and widen a spread.
 */
class PipFitTest {

    private static final double WRITE = 0.5;
    private static final double COMPILE = 2;
    private static final double REMOVE = 0.25;
    private static final double BETWEEN = 10;
    private static final double BETWEEN_UNINSTALLED = 20;

    @TempDir
    static Path dir;
    static Path trace;
    static PipFit fit;

    /**
     * <ol>
     *   <li>{@code install alpha}, resolved in 400 ms, exits 50 ms after its last event: beta 1.0 (a dependency:
     *       {@code __init__.py}, an empty {@code data.json}), then alpha 1.0 (requested: {@code __init__.py},
     *       {@code core.py} written in two chunks, {@code sub/table.dat}, and {@code sub/util.py}, which
     *       inotifywait missed and only its byte-compiled file shows; a LICENSE in the dist-info);</li>
     *   <li>{@code install --upgrade gamma}: 800 ms, 100 ms; gamma 1.0 moved into stashes, gamma 2.0 written,
     *       the stashes deleted;</li>
     *   <li>{@code uninstall -y alpha beta}: 1600 ms, 200 ms; the deletions show alpha's fifth file
     *       ({@code sub/missed.txt}, never seen being written), one of them under the old name.</li>
     * </ol>
     */
    @BeforeAll
    static void fitHandMadeTrace() throws Exception {
        Recorder r = new Recorder();
        r.begin("{\"pip\": \"23.2.1\", \"gamma\": \"1.0\"}");
        r.start(1000, 0, "\"install\", \"alpha\"");
        r.resolved(400);
        r.dir("beta-1.0.dist-info");
        r.file("beta-1.0.dist-info/METADATA", 1);
        r.dir("beta");
        r.file("beta/__init__.py", 1);
        r.file("beta/data.json", 0);
        r.file("beta-1.0.dist-info/RECORD", 1);
        r.dir("beta/__pycache__");
        r.compile("beta/__pycache__/__init__");
        r.renamed("beta-1.0.dist-info", "INSTALLER");
        r.renamed("beta-1.0.dist-info", "RECORD");
        r.gap(BETWEEN);
        r.dir("alpha-1.0.dist-info");
        r.file("alpha-1.0.dist-info/METADATA", 1);
        r.file("alpha-1.0.dist-info/LICENSE", 1);
        r.dir("alpha");
        r.file("alpha/__init__.py", 1);
        r.file("alpha/core.py", 2);
        r.dir("alpha/sub");
        r.file("alpha/sub/table.dat", 1);
        r.file("alpha-1.0.dist-info/RECORD", 1);
        r.dir("alpha/__pycache__");
        r.compile("alpha/__pycache__/__init__");
        r.compile("alpha/__pycache__/core");
        r.dir("alpha/sub/__pycache__");
        r.compile("alpha/sub/__pycache__/util");
        r.renamed("alpha-1.0.dist-info", "INSTALLER");
        r.write("CREATE", "alpha-1.0.dist-info/REQUESTED");
        r.write("CLOSE_WRITE,CLOSE", "alpha-1.0.dist-info/REQUESTED");
        r.renamed("alpha-1.0.dist-info", "RECORD");
        r.end(50, 0, "\"install\", \"alpha\"", 0);
        r.state(0, "{\"pip\": \"23.2.1\", \"gamma\": \"1.0\", \"alpha\": \"1.0\", \"beta\": \"1.0\"}");

        r.start(r.nowMs() + 500, 2, "\"install\", \"--upgrade\", \"gamma\"");
        r.resolved(800);
        r.stash("gamma-1.0.dist-info", "~amma-1.0.dist-info");
        r.stash("gamma", "~amma");
        r.dir("gamma-2.0.dist-info");
        r.file("gamma-2.0.dist-info/METADATA", 1);
        r.dir("gamma");
        r.file("gamma/__init__.py", 1);
        r.file("gamma-2.0.dist-info/RECORD", 1);
        r.dir("gamma/__pycache__");
        r.compile("gamma/__pycache__/__init__");
        r.renamed("gamma-2.0.dist-info", "INSTALLER");
        r.write("CREATE", "gamma-2.0.dist-info/REQUESTED");
        r.write("CLOSE_WRITE,CLOSE", "gamma-2.0.dist-info/REQUESTED");
        r.renamed("gamma-2.0.dist-info", "RECORD");
        r.remove("DELETE", "~amma-1.0.dist-info/METADATA");
        r.remove("DELETE", "~amma-1.0.dist-info/RECORD");
        r.remove("DELETE_SELF", "~amma-1.0.dist-info");
        r.remove("DELETE,ISDIR", "~amma-1.0.dist-info");
        r.remove("DELETE", "~amma/__init__.py");
        r.remove("DELETE", "~amma/__pycache__/__init__.cpython-311.pyc");
        r.remove("DELETE_SELF", "~amma/__pycache__");
        r.remove("DELETE,ISDIR", "~amma/__pycache__");
        r.remove("DELETE_SELF", "~amma");
        r.remove("DELETE,ISDIR", "~amma");
        r.end(100, 2, "\"install\", \"--upgrade\", \"gamma\"", 0);
        r.state(2, "{\"pip\": \"23.2.1\", \"gamma\": \"2.0\", \"alpha\": \"1.0\", \"beta\": \"1.0\"}");

        r.start(r.nowMs() + 500, 4, "\"uninstall\", \"-y\", \"alpha\", \"beta\"");
        r.resolved(1600);
        r.stash("alpha-1.0.dist-info", "~lpha-1.0.dist-info");
        r.stash("alpha", "~lpha");
        r.remove("DELETE", "~lpha-1.0.dist-info/METADATA");
        r.remove("DELETE", "~lpha-1.0.dist-info/LICENSE");
        r.remove("DELETE", "~lpha-1.0.dist-info/RECORD");
        r.remove("DELETE_SELF", "~lpha-1.0.dist-info");
        r.remove("DELETE,ISDIR", "~lpha-1.0.dist-info");
        r.remove("DELETE", "~lpha/__init__.py");
        r.remove("DELETE", "~lpha/core.py");
        r.remove("DELETE", "alpha/sub/util.py"); // inotifywait's old name for ~lpha/sub/util.py
        r.remove("DELETE", "~lpha/sub/table.dat");
        r.remove("DELETE", "~lpha/sub/missed.txt");
        r.remove("DELETE_SELF", "~lpha");
        r.remove("DELETE,ISDIR", "~lpha");
        r.gap(BETWEEN_UNINSTALLED);
        r.stash("beta-1.0.dist-info", "~eta-1.0.dist-info");
        r.stash("beta", "~eta");
        r.remove("DELETE", "~eta-1.0.dist-info/METADATA");
        r.remove("DELETE_SELF", "~eta-1.0.dist-info");
        r.remove("DELETE,ISDIR", "~eta-1.0.dist-info");
        r.remove("DELETE", "~eta/__init__.py");
        r.remove("DELETE", "~eta/data.json");
        r.remove("DELETE_SELF", "~eta");
        r.remove("DELETE,ISDIR", "~eta");
        r.end(200, 4, "\"uninstall\", \"-y\", \"alpha\", \"beta\"", 0);
        r.state(4, "{\"pip\": \"23.2.1\", \"gamma\": \"2.0\"}");
        r.finish();

        trace = dir.resolve("hand-made.jsonl");
        Files.writeString(trace, String.join("\n", r.lines) + "\n", StandardCharsets.UTF_8);
        fit = PipFit.of(new TraceSample().add("hand-made.jsonl", TraceReader.read(trace)));
    }

    @Test
    void countsCommandsAndTheirDistributions() {
        assertThat(fit.commands()).isEqualTo(3);
        assertThat(fit.stepsSkipped()).isZero();
        // install alpha: 2 dist-info folders - 1 named = 1; install --upgrade gamma: 1 - 1 = 0
        assertThat(fit.dependenciesMean()).isEqualTo(0.5);
        assertThat(fit.installs()).isEqualTo(2);
        assertThat(fit.uninstallMean()).isEqualTo(2.0);
        assertThat(fit.uninstalls()).isEqualTo(1);
    }

    @Test
    void filesPerDistributionTakeTheMostAnyObservationShows() {
        // fresh installs: beta (2 files) and alpha (4 seen while installing, 5 when its stash is deleted)
        PipTiming.Component files = fit.files().gap().components().get(0);
        assertThat(fit.files().n()).isEqualTo(2);
        assertThat(files.logMean()).isCloseTo(Math.log(Math.sqrt(10)), within(1e-12)); // (ln 2 + ln 5) / 2
        assertThat(files.logSd()).isCloseTo(Math.log(2.5) / 2, within(1e-12)); // (ln 5 - ln 2) / 2
        assertThat(fit.filesMax()).isEqualTo(5);
    }

    @Test
    void layoutOfFreshInstalls() {
        // module shares 1/2 (beta) and 3/4 (alpha: util.py counted through its .pyc): mean 5/8, variance 1/32;
        // m(1-m)/v - 1 = 6.5, so alpha = 5/8 * 6.5, beta = 3/8 * 6.5
        assertThat(fit.pyShareAlpha()).isCloseTo(4.0625, within(1e-12));
        assertThat(fit.pyShareBeta()).isCloseTo(2.4375, within(1e-12));
        assertThat(fit.freshDistributions()).isEqualTo(2);
        // one sub-folder (alpha/sub) over (2 - 1) + (4 - 1) files beyond each distribution's first
        assertThat(fit.directoriesPerFile()).isEqualTo(0.25);
        // files seen created and closed: beta's 2, alpha's 3; data.json empty; core.py one modify more
        assertThat(fit.emptyFileShare()).isEqualTo(0.2);
        assertThat(fit.extraModifyMean()).isEqualTo(0.25);
        // extra metadata files: beta none, alpha its LICENSE
        assertThat(fit.metadataFilesMean()).isEqualTo(0.5);
        // events per fresh distribution: beta 1 + 3 + 1 + 3 + 2 + 3 + 1 + 5 + 6 + 6 = 31
        assertThat(new TraceSample().add("t", read()).eventsPerFreshDistribution()[0]).isEqualTo(31);
    }

    @Test
    void resolveAndExitAreLognormalsByMaximumLikelihood() {
        // resolve 400, 800, 1600 ms: mean ln 800, sd ln 2 * sqrt(2/3); exit 50, 100, 200 ms likewise
        assertLogNormal(fit.resolve(), Math.log(800), Math.log(2) * Math.sqrt(2.0 / 3), 400, 1600);
        assertLogNormal(fit.exit(), Math.log(100), Math.log(2) * Math.sqrt(2.0 / 3), 50, 200);
    }

    @Test
    void everyGapLandsInItsKind() {
        assertConstant(fit.writeGap(), WRITE);
        assertConstant(fit.compileGap(), COMPILE);
        assertConstant(fit.removeGap(), REMOVE);
        assertConstant(fit.distributionGap(), BETWEEN);
        assertConstant(fit.uninstallGap(), BETWEEN_UNINSTALLED);
        assertThat(fit.compileGap().n()).isEqualTo(5); // beta 1, alpha 3, gamma 1
        assertThat(fit.distributionGap().n()).isEqualTo(1);
        assertThat(fit.uninstallGap().n()).isEqualTo(1);
    }

    @Test
    void commandWritesYamlThatThePipModelReads() throws Exception {
        Path out = dir.resolve("model/pip.yaml");
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new ModelCommand());
        cli.setOut(new PrintWriter(printed, true));
        int code = cli.execute("fit", trace.toString(), "--out", out.toString(), "--date", "2026-11-28");

        assertThat(code).as(printed.toString()).isZero();
        String yaml = Files.readString(out);
        assertThat(yaml).contains("provenance: \"fit 2026-11-28 by ferry model fit on hand-made.jsonl (3 pip commands")
                .contains("operations_per_active_hour and mix are assumptions");
        PipModel model = PipModel.read(out);
        assertThat(model.filesLogMean()).isEqualTo(1.1513); // ln sqrt(10), 4 decimals
        assertThat(model.filesLogSd()).isEqualTo(0.4581); // ln 2.5 / 2
        assertThat(model.filesMax()).isEqualTo(5);
        assertThat(model.dependenciesPerInstallMean()).isEqualTo(0.5);
        assertThat(model.uninstallMean()).isEqualTo(2.0);
        assertThat(model.operationsPerActiveHour()).isEqualTo(0.5);
        assertThat(List.of(model.installShare(), model.upgradeShare(), model.uninstallShare()))
                .containsExactly(0.6, 0.25, 0.15);
        assertThat(model.timing().resolve().components().get(0).logMean()).isEqualTo(6.6846); // ln 800
        assertThat(model.timing().compileGap().minMs()).isEqualTo(2.0);
        assertThat(model.timing().layout().pyShareAlpha()).isEqualTo(4.062); // 4.0625, 4 significant digits
        assertThat(printed.toString()).contains("wrote " + out);
    }

    @Test
    void tracesWithoutWhatTheFitNeedsAreRefusedByName() throws Exception {
        Path only = dir.resolve("install-only.jsonl");
        List<String> lines = Files.readAllLines(trace);
        int cut = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"step\": 2")) {
                cut = i;
                break;
            }
        }
        Files.write(only, lines.subList(0, cut));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ModelCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 2;
        });
        int code = cli.execute("fit", only.toString(), "--out", dir.resolve("never.yaml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot fit: the traces hold no");
        assertThat(dir.resolve("never.yaml")).doesNotExist();
    }

    private static List<TraceLine> read() {
        try {
            return TraceReader.read(trace);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertLogNormal(MixtureFit.Result r, double logMean, double logSd, double min, double max) {
        assertThat(r.components()).isEqualTo(1);
        assertThat(r.gap().components().get(0).logMean()).isCloseTo(logMean, within(1e-9));
        assertThat(r.gap().components().get(0).logSd()).isCloseTo(logSd, within(1e-9));
        assertThat(r.gap().minMs()).isCloseTo(min, within(1e-9));
        assertThat(r.gap().maxMs()).isCloseTo(max, within(1e-9));
    }

    /** All gaps of the kind were {@code ms} long: every component at ln(ms), the range [ms, ms]. */
    private static void assertConstant(MixtureFit.Result r, double ms) {
        for (PipTiming.Component c : r.gap().components()) {
            assertThat(c.logMean()).isCloseTo(Math.log(ms), within(1e-9));
            assertThat(c.logSd()).isLessThanOrEqualTo(1e-3);
        }
        assertThat(r.gap().minMs()).isCloseTo(ms, within(1e-9));
        assertThat(r.gap().maxMs()).isCloseTo(ms, within(1e-9));
    }

    /** Writes a trace as inotifywait and record.py would, each event after the gap of its kind; times in ms. */
    private static final class Recorder {
        final List<String> lines = new ArrayList<>();
        long now;
        long stepStart;
        boolean first;

        double nowMs() {
            return now / 1e6;
        }

        void begin(String installed) {
            now = 0;
            lines.add("{\"t\": 0, \"op\": \"begin\", \"installed\": " + installed + "}");
        }

        void start(double atMs, int step, String command) {
            now = Math.round(atMs * 1e6);
            stepStart = now;
            lines.add("{\"t\": " + now + ", \"op\": \"start\", \"step\": " + step + ", \"cmd\": [" + command + "]}");
        }

        /** The command's first event comes {@code ms} after its start. */
        void resolved(double ms) {
            now = stepStart + Math.round(ms * 1e6);
            first = true;
        }

        void end(double afterMs, int step, String command, int rc) {
            now += Math.round(afterMs * 1e6);
            lines.add("{\"t\": " + now + ", \"op\": \"end\", \"step\": " + step + ", \"cmd\": [" + command
                    + "], \"rc\": " + rc + "}");
        }

        void state(int step, String installed) {
            now += 1_000_000L;
            lines.add("{\"t\": " + now + ", \"op\": \"state\", \"step\": " + step + ", \"installed\": " + installed + "}");
        }

        void finish() {
            now += 1_000_000_000L;
            lines.add("{\"t\": " + now + ", \"op\": \"finish\"}");
        }

        /** The next event comes {@code ms} after the last one, instead of its kind's gap. */
        void gap(double ms) {
            now += Math.round(ms * 1e6);
            first = true;
        }

        private void event(double gapMs, String flags, String path) {
            if (!first) {
                now += Math.round(gapMs * 1e6);
            }
            first = false;
            lines.add("{\"t\": " + now + ", \"ev\": \"" + flags + "\", \"path\": \"" + path + "\"}");
        }

        void write(String flags, String path) {
            event(WRITE, flags, path);
        }

        void remove(String flags, String path) {
            event(REMOVE, flags, path);
        }

        void dir(String path) {
            write("CREATE,ISDIR", path);
        }

        void file(String path, int modifies) {
            write("CREATE", path);
            for (int i = 0; i < modifies; i++) {
                write("MODIFY", path);
            }
            write("CLOSE_WRITE,CLOSE", path);
        }

        /** Byte-compiles one module: its .pyc under a temporary name, renamed into place. */
        void compile(String stem) {
            String pyc = stem + ".cpython-311.pyc";
            event(COMPILE, "CREATE", pyc + ".140000000000001");
            write("MODIFY", pyc + ".140000000000001");
            write("CLOSE_WRITE,CLOSE", pyc + ".140000000000001");
            write("MOVED_FROM", pyc + ".140000000000001");
            write("MOVED_TO", pyc);
        }

        void renamed(String distInfo, String name) {
            String temporary = distInfo + "/" + name + "x1y2z3.tmp";
            file(temporary, 1);
            write("ATTRIB", temporary);
            write("MOVED_FROM", temporary);
            write("MOVED_TO", distInfo + "/" + name);
        }

        /** pip's stash: probe the name, then rename into it. */
        void stash(String entry, String stash) {
            remove("CREATE,ISDIR", stash);
            remove("DELETE,ISDIR", stash);
            remove("MOVED_FROM,ISDIR", entry);
            remove("MOVED_TO,ISDIR", stash);
        }
    }
}
