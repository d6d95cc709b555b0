package dev.ferry.bench;

import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.InMemorySessionStore;
import dev.ferry.api.control.SessionStore;
import dev.ferry.api.control.UploadOutcome;
import dev.ferry.time.SystemClock;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control plane's upload path without HTTP: {@link ControlPlane#upload} of a checkpoint text as the tracker
 * writes it (the session environments of {@link CheckpointBenchmark}, about 9 KB), round-robin over
 * {@value #SESSIONS} sessions, each upload one generation newer than that session's last, so every op decodes the
 * text, checks its checksum, hashes it, and stores it as the newest. Each iteration starts from an empty store.
 *
 * <p>Run:
 * <pre>{@code
 * mvn -q -Pbench verify -Dmaven.test.skip=true -Djmh.args="UploadBenchmark"
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UploadBenchmark {

    static final int SESSIONS = 3_500;
    /** Pre-encoded generations; a checkpoint's text names no session, so one text serves every session. */
    private static final int GENERATIONS = 1 << 11;

    /** The stores measured. */
    public enum Store {
        IN_MEMORY {
            @Override
            SessionStore create() {
                return new InMemorySessionStore();
            }
        };

        abstract SessionStore create();
    }

    @Param
    public Store store;

    private String[] sessions;
    private String[] texts;
    private ControlPlane controlPlane;
    private int next;

    @Setup(Level.Trial)
    public void encode() {
        sessions = new String[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            sessions[i] = String.format("s%05d", i);
        }
        texts = new String[GENERATIONS];
        for (int g = 1; g <= GENERATIONS; g++) {
            texts[g - 1] = CheckpointFormat.encode(new Checkpoint(g, 1_796_119_200_000L + g,
                    CheckpointBenchmark.sessionEnvironments()));
        }
    }

    @Setup(Level.Iteration)
    public void emptyStore() {
        controlPlane = new ControlPlane(store.create(), new SystemClock());
        next = 0;
    }

    @Benchmark
    public UploadOutcome upload() {
        int i = next++;
        int generation = i / SESSIONS % GENERATIONS;
        return controlPlane.upload(sessions[i % SESSIONS], texts[generation]);
    }
}
