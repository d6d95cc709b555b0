package dev.ferry.bench;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointException;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The durable checkpoint store ({@link FileCheckpointStore}) in a temp folder on the local disk, as the tracker uses
 * it: a session's image baseline of 180 Python distributions and 120 R packages ({@code model/population.yaml}),
 * the user's 20 additions and 3 changes in the Python environment. {@code writeThenRead} writes the next generation
 * (the current file read and judged, the temporary file written and forced to disk, two renames, the folder forced)
 * and loads it back with its checksum checked; {@code read} only loads, as {@code restore} and
 * {@code checkpoint show} do. The fsyncs dominate the write, so its figure is the disk's, and on a shared machine
 * it moves with whatever else writes there.
 *
 * <p>Run:
 * <pre>{@code
 * mvn -q -Pbench verify -Dmaven.test.skip=true -Djmh.args="CheckpointBenchmark"
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CheckpointBenchmark {

    private Path folder;
    private FileCheckpointStore store;
    private List<EnvironmentState> environments;
    private long generation;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("ferry-checkpoint-bench");
        store = new FileCheckpointStore(folder.resolve("checkpoint"), warning -> {
            throw new IllegalStateException("unexpected warning: " + warning);
        });
        environments = sessionEnvironments();
        generation = 1;
        store.write(new Checkpoint(generation, 1_796_119_200_000L, environments));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        TempFolders.delete(folder);
    }

    @Benchmark
    public Checkpoint writeThenRead() throws IOException, CheckpointException {
        generation++;
        store.write(new Checkpoint(generation, 1_796_119_200_000L + generation, environments));
        return store.load().orElseThrow();
    }

    @Benchmark
    public Checkpoint read() throws IOException, CheckpointException {
        return store.load().orElseThrow();
    }

    /** A session's two environments: the image's baseline, and the user's changes to the Python one. */
    static List<EnvironmentState> sessionEnvironments() {
        TreeMap<String, String> pythonBaseline = new TreeMap<>();
        for (int i = 0; i < 180; i++) {
            pythonBaseline.put(String.format("dist-%03d", i), "1." + i % 7 + "." + i % 11);
        }
        TreeMap<String, String> pythonNow = new TreeMap<>(pythonBaseline);
        for (int i = 0; i < 20; i++) {
            pythonNow.put(String.format("added-%02d", i), "2.0." + i);
        }
        for (int i = 0; i < 3; i++) {
            pythonNow.put(String.format("dist-%03d", i * 50), "9.9." + i);
        }
        TreeMap<String, String> r = new TreeMap<>();
        for (int i = 0; i < 120; i++) {
            r.put(String.format("rpkg%03d", i), "0." + i % 9 + "-" + i % 5);
        }
        return List.of(
                new EnvironmentState("/opt/venv/lib/python3.11/site-packages", EnvironmentKind.PYTHON,
                        PackageSet.of(pythonBaseline), PackageSet.of(pythonNow)),
                new EnvironmentState("/home/jovyan/R/library", EnvironmentKind.R, PackageSet.of(r), PackageSet.of(r)));
    }
}
