package dev.ferry.bench;

import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.InMemorySessionStore;
import dev.ferry.api.control.SessionStore;
import dev.ferry.api.control.UploadOutcome;
import dev.ferry.api.store.SqliteSessionStore;
import dev.ferry.time.SystemClock;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The control plane's upload path without HTTP: {@link ControlPlane#upload} of a checkpoint text as the tracker
 * writes it (the session environments of {@link CheckpointBenchmark}, about 9 KB), each upload one generation newer
 * than its session's last, so every op decodes the text, checks its checksum, hashes it and stores it as the newest.
 * Over the in-memory store (the rules alone) and the server's SQLite store in a temp folder (committed with
 * {@code synchronous=FULL} before the upload's stage completes; its writer groups the commits of every upload
 * waiting). {@code upload}: one thread waiting for each upload's answer before the next (one upload's latency);
 * {@code uploadFrom16Threads}: 16 threads doing the same, as a server whose threads wait for the commit would;
 * {@code uploadWith256InFlight}: one thread keeping 256 uploads in flight without waiting for any but the oldest (an
 * op: wait for the answer of the upload 256 before, then send the next), as the HTTP server does now, whose
 * threads never wait for the disk. Each iteration starts from an empty store; every thread uploads for sessions of
 * its own, one upload in flight per session at a time.
 *
 * <p>Run:
 * <pre>{@code
 * mvn -q -Pbench verify -Dmaven.test.skip=true -Djmh.args="UploadBenchmark"
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UploadBenchmark {

    /** Sessions per thread. */
    static final int SESSIONS = 256;
    /** Pre-encoded generations; a checkpoint's text names no session, so one text serves every session. */
    private static final int GENERATIONS = 1 << 11;

    /** The stores measured. */
    public enum Store { IN_MEMORY, SQLITE }

    @Param
    public Store store;

    private String[] texts;
    private ControlPlane controlPlane;
    private SqliteSessionStore sqlite;
    private Path folder;

    /** One thread's sessions and where it is in them. */
    @State(Scope.Thread)
    public static class Cursor {
        String[] sessions;
        int next;
        /** Per session, its upload in flight (for {@code uploadWith256InFlight}). */
        CompletableFuture<UploadOutcome>[] inFlight;

        @Setup(Level.Trial)
        public void name(ThreadParams thread) {
            sessions = new String[SESSIONS];
            for (int i = 0; i < SESSIONS; i++) {
                sessions[i] = String.format("t%02d-s%04d", thread.getThreadIndex(), i);
            }
        }

        @Setup(Level.Iteration)
        @SuppressWarnings("unchecked")
        public void rewind() {
            next = 0;
            inFlight = (CompletableFuture<UploadOutcome>[]) new CompletableFuture<?>[SESSIONS];
        }
    }

    @Setup(Level.Trial)
    public void encode() {
        texts = new String[GENERATIONS];
        for (int g = 1; g <= GENERATIONS; g++) {
            texts[g - 1] = CheckpointFormat.encode(new Checkpoint(g, 1_796_119_200_000L + g,
                    CheckpointBenchmark.sessionEnvironments()));
        }
    }

    @Setup(Level.Iteration)
    public void emptyStore() throws Exception {
        SessionStore sessions;
        if (store == Store.SQLITE) {
            folder = Files.createTempDirectory("ferry-upload-bench");
            sqlite = SqliteSessionStore.open(folder);
            sessions = sqlite;
        } else {
            sessions = new InMemorySessionStore();
        }
        controlPlane = new ControlPlane(sessions, new SystemClock());
    }

    @TearDown(Level.Iteration)
    public void closeStore() throws Exception {
        if (sqlite != null) {
            sqlite.close();
            sqlite = null;
            TempFolders.delete(folder);
        }
    }

    @Benchmark
    @Threads(1)
    public UploadOutcome upload(Cursor cursor) {
        return sendNext(cursor).join();
    }

    @Benchmark
    @Threads(16)
    public UploadOutcome uploadFrom16Threads(Cursor cursor) {
        return sendNext(cursor).join();
    }

    @Benchmark
    @Threads(1)
    public UploadOutcome uploadWith256InFlight(Cursor cursor) {
        int slot = cursor.next % SESSIONS;
        CompletableFuture<UploadOutcome> oldest = cursor.inFlight[slot];
        UploadOutcome answered = oldest == null ? null : oldest.join();
        cursor.inFlight[slot] = sendNext(cursor);
        return answered;
    }

    private CompletableFuture<UploadOutcome> sendNext(Cursor cursor) {
        int i = cursor.next++;
        int generation = i / SESSIONS;
        if (generation >= GENERATIONS) {
            throw new IllegalStateException("more uploads in one iteration than generations encoded");
        }
        return controlPlane.upload(cursor.sessions[i % SESSIONS], texts[generation]).toCompletableFuture();
    }
}
