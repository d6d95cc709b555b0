package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.testing.FerryCli;
import dev.ferry.testing.HeadlessChromium;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small sweep (a 12-session migration, two global budgets × two seeds) made twice: locally with two runs side by
 * side, and as the pods of its Indexed Job would make it, one process per index running the Job's own command
 * line, then collected. Both give the same runs and the same report figures; a sweep run again resumes; a run that
 * fails stops no other; the report opens in a real browser.
 */
@DisplayName("sim sweep: local, by index as the Job's pods, resumed, reported")
class SweepEndToEndTest {

    private static final String SWEEP = "src/test/resources/sim/sweep-small.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path local;
    private static Path pods;
    private static FerryCli.Run localRun;
    private static FerryCli.Run collected;

    @BeforeAll
    static void sweepTwice() throws Exception {
        local = dir.resolve("local");
        localRun = FerryCli.run("sim", "sweep", SWEEP, "--out", local.toString(), "--parallel", "2");
        assertThat(localRun.exitCode()).as(localRun.transcript()).isZero();

        FerryCli.Run job = FerryCli.run("sim", "sweep", SWEEP, "--kubernetes-job", dir.resolve("job.yaml").toString());
        assertThat(job.exitCode()).as(job.transcript()).isZero();
        Job written = Serialization.unmarshal(Files.readString(dir.resolve("job.yaml")), Job.class);
        List<String> args = written.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        pods = dir.resolve("pods");
        for (int index = 0; index < written.getSpec().getCompletions(); index++) {
            pod(args, index);
        }
        collected = FerryCli.run("sim", "sweep", SWEEP, "--collect", pods.toString());
    }

    /** What the pod of {@code index} runs, in a process of its own, its results volume being {@code pods}. */
    private static void pod(List<String> args, int index) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        for (String arg : args) {
            command.add(arg.replace("$(JOB_COMPLETION_INDEX)", Integer.toString(index))
                    .replace("/results", pods.toString()));
        }
        Path log = dir.resolve("pod-" + index + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("pod %d finished", index).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    private static List<String> runFolders(Path sweep) throws IOException {
        try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
            return runs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static String figures(Path results) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(results.toFile());
        tree.remove("wall_s");
        tree.remove("events_per_s");
        return tree.toPrettyString();
    }

    /** sweep.csv without its wall_s column (the folder, quoted since it holds commas, taken as one cell). */
    private static List<String> csvFigures(Path sweep) throws IOException {
        List<String> lines = Files.readAllLines(sweep.resolve("sweep.csv"));
        int wall = List.of(lines.get(0).split(",")).indexOf("wall_s");
        return lines.stream().map(l -> {
            List<String> cells = new ArrayList<>(List.of(l.replaceAll("\"[^\"]*\"", "folder").split(",", -1)));
            cells.remove(wall);
            return String.join(",", cells);
        }).toList();
    }

    @Test
    @DisplayName("every run once, in its setting's folder, with the same figures locally and by index")
    void sameRunsBothWays() throws Exception {
        assertThat(collected.exitCode()).as(collected.transcript()).isZero();
        List<String> folders = runFolders(local);
        assertThat(folders).containsExactly("budgets.max_concurrent=10,seed=3", "budgets.max_concurrent=10,seed=4",
                "budgets.max_concurrent=2,seed=3", "budgets.max_concurrent=2,seed=4");
        assertThat(runFolders(pods)).isEqualTo(folders);
        for (String run : folders) {
            assertThat(figures(pods.resolve("runs").resolve(run).resolve("results.json")))
                    .as(run).isEqualTo(figures(local.resolve("runs").resolve(run).resolve("results.json")));
            assertThat(Files.readString(pods.resolve("runs").resolve(run).resolve("sweep-run.json")))
                    .isEqualTo(Files.readString(local.resolve("runs").resolve(run).resolve("sweep-run.json")));
        }
        assertThat(figures(local.resolve("runs/budgets.max_concurrent=2,seed=3/results.json")))
                .as("the settings differ in what they do")
                .isNotEqualTo(figures(local.resolve("runs/budgets.max_concurrent=10,seed=3/results.json")));
    }

    @Test
    @DisplayName("the same report figures: sweep.csv alike but for the wall times, one row per run in index order")
    void sameReport() throws Exception {
        assertThat(csvFigures(pods)).isEqualTo(csvFigures(local));
        List<String> rows = Files.readAllLines(local.resolve("sweep.csv"));
        assertThat(rows.get(0)).startsWith("index,budgets.max_concurrent,seed,folder,wall_s,migration.makespan_h,");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("0,2,3,");
        assertThat(rows.get(4)).startsWith("3,10,4,");
    }

    @Test
    @DisplayName("the sweep says each run's wall time and its own")
    void wallTimes() {
        assertThat(localRun.out()).contains("sweep: 1 of 4 runs ended", "sweep: 4 of 4 runs ended")
                .containsPattern("sweep: 4 run\\(s\\) made in [0-9.]+ s wall, up to 2 side by side; their own wall"
                        + " times sum to [0-9.]+ s")
                .contains("report: " + local.resolve("sweep.html"));
    }

    @Nested
    @DisplayName("run again into the same folder")
    class Resume {

        @TempDir
        Path again;

        private Path copyOfLocal() throws IOException {
            Path copy = again.resolve("sweep");
            try (Stream<Path> files = Files.walk(local)) {
                for (Path p : files.toList()) {
                    Path target = copy.resolve(local.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            return copy;
        }

        @Test
        @DisplayName("a complete sweep runs nothing again; an interrupted run, or one of other parameters, runs anew")
        void skipsWhatIsComplete() throws Exception {
            Path sweep = copyOfLocal();
            Path kept = sweep.resolve("runs/budgets.max_concurrent=2,seed=3/results.json");
            String keptText = Files.readString(kept);
            Files.delete(sweep.resolve("runs/budgets.max_concurrent=10,seed=4/results.json"));
            Path other = sweep.resolve("runs/budgets.max_concurrent=10,seed=3/sweep-run.json");
            Files.writeString(other, Files.readString(other).replace("\"seed\" : 3", "\"seed\" : 33"));

            FerryCli.Run run = FerryCli.run("sim", "sweep", SWEEP, "--out", sweep.toString(), "--parallel", "2");

            assertThat(run.exitCode()).as(run.transcript()).isZero();
            assertThat(run.out()).contains("sweep: 2 of 4 runs already complete in " + sweep + ", skipped")
                    .contains("sweep: 2 run(s) made");
            assertThat(Files.readString(kept)).isEqualTo(keptText);
            assertThat(figures(sweep.resolve("runs/budgets.max_concurrent=10,seed=4/results.json")))
                    .isEqualTo(figures(local.resolve("runs/budgets.max_concurrent=10,seed=4/results.json")));
            assertThat(Files.readString(other)).contains("\"seed\" : 3");
        }

        @Test
        @DisplayName("a run that fails is named with its parameters and the others go on")
        void failureStopsNoOther() throws Exception {
            Path sweep = copyOfLocal();
            Path blocked = sweep.resolve("runs/budgets.max_concurrent=2,seed=4");
            deleteTree(blocked);
            Files.writeString(blocked, "a file where the run's folder goes");
            Files.delete(sweep.resolve("runs/budgets.max_concurrent=10,seed=3/results.json"));

            FerryCli.Run run = FerryCli.run("sim", "sweep", SWEEP, "--out", sweep.toString());

            assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
            assertThat(run.err()).contains("ferry: run 1 (budgets.max_concurrent=2, seed 4) failed: --out "
                    + blocked + " is a file");
            assertThat(sweep.resolve("runs/budgets.max_concurrent=10,seed=3/results.json")).exists();
            assertThat(Files.readAllLines(sweep.resolve("sweep.csv"))).as("the report has the three runs there")
                    .hasSize(4);
        }
    }

    @Test
    @DisplayName("--index out of range, and --collect of a folder with runs missing")
    void badIndexAndMissingRuns() throws Exception {
        FerryCli.Run out = FerryCli.run("sim", "sweep", SWEEP, "--index", "4", "--out", dir.resolve("x").toString());
        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.err()).contains("--index 4: " + SWEEP + " has runs 0 to 3");

        Path partial = dir.resolve("partial");
        Files.createDirectories(partial.resolve("runs"));
        Path only = Files.createDirectories(partial.resolve("runs/budgets.max_concurrent=2,seed=3"));
        try (Stream<Path> files = Files.list(local.resolve("runs/budgets.max_concurrent=2,seed=3"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, only.resolve(f.getFileName()));
            }
        }
        FerryCli.Run missing = FerryCli.run("sim", "sweep", SWEEP, "--collect", partial.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("3 of 4 runs missing in " + partial.resolve("runs"))
                .contains("run 1 (budgets.max_concurrent=2, seed 4)");
        assertThat(partial.resolve("sweep.html")).exists();
    }

    @Nested
    @DisplayName("sweep.html in headless Chromium")
    class InTheBrowser {

        private static HeadlessChromium browser;

        @BeforeAll
        static void open() {
            browser = HeadlessChromium.start();
            browser.open(local.resolve("sweep.html"));
            browser.waitFor("document.body.dataset.charts === 'drawn'");
        }

        @AfterAll
        static void close() {
            browser.close();
        }

        @Test
        @DisplayName("opens offline without console errors and draws one point per setting")
        void opens() {
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.externalRequests()).isEmpty();
            assertThat(browser.undrawnCharts(".chart")).isEmpty();
            Object points = browser.js("const o = echarts.getInstanceByDom(document.getElementById('tradeoff-chart'))"
                    + ".getOption(); return o.series[0].data.length + o.series[1].data.length;");
            assertThat(((Number) points).intValue()).isEqualTo(2);
            assertThat(browser.count("table.settings tbody tr")).isEqualTo(2);
            assertThat(browser.count("tr[data-front='true']")).isPositive();
        }

        @Test
        @DisplayName("each setting links to its runs' reports, which are there")
        void links() {
            Object hrefs = browser.js("return Array.from(document.querySelectorAll('#setting-1 td.links a'))"
                    + ".map(a => a.getAttribute('href')).join('\\n');");
            List<String> links = List.of(hrefs.toString().split("\n"));
            assertThat(links).containsExactly("runs/budgets.max_concurrent=2,seed=3/report.html",
                    "runs/budgets.max_concurrent=2,seed=4/report.html");
            assertThat(links).allSatisfy(l -> assertThat(local.resolve(l)).exists());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
