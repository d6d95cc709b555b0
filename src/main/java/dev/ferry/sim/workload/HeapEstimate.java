package dev.ferry.sim.workload;

import dev.ferry.model.config.ConfigException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The heap a workload's simulation needs, estimated from its size before anything runs, so that a workload this
 * JVM cannot hold is refused at once instead of dying with an OutOfMemoryError minutes later.
 *
 * <p>The figures are measured, not derived: the live heap (used after a full GC) sampled every 12 virtual hours
 * and at the end of runs of generated workloads with the shipped models (seed 1, 2026-12-02, {@code ScaleProbe}),
 * e.g. 100 / 400 / 3,500 sessions over 7 days: 24.3 / 75.3 / 604.1 MiB; 400 / 3,500 / 10,000 / 30,000 / 100,000
 * sessions over 1 day: 57.3 / 449.2 / 1,262.8 / 3,769.4 / 12,524.8 MiB; 400 sessions over 14 days: 90.6 MiB; 100
 * sessions over 28 days: 34.0 MiB; 100 sessions over 7 days running pip 10 times as often
 * ({@code operations_per_active_hour: 5}): 58.5 MiB. It peaks at the end: what the sessions and their metrics
 * accumulate. A migration section adds 54 / 72 / 245 MiB at 100 / 400 / 3,500 sessions over 7 days (mock API
 * servers, Vert.x, fabric8, the Jobs, the leases and the control plane's records).
 * README.md ("Memory") says how to measure again.
 */
public final class HeapEstimate {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final double GIB = 1024.0 * MIB;

    /** Classes, the catalog and the kernel of any run. */
    static final long BASE = 8 * MIB;
    /** Each session at its start: its simulated environment (the image's distributions), tracker and metrics. */
    static final long PER_SESSION = 124 * KIB;
    /**
     * What a session accumulates per virtual day: a part that does not depend on how often users run pip, and one
     * per unit of {@code operations_per_active_hour} (the commands, their checkpoints and metrics); 7.3 KiB per
     * session-day at the model's 0.5, 57 KiB at 5.
     */
    static final double PER_SESSION_DAY = 2.0 * KIB;
    static final double PER_SESSION_DAY_PER_OPERATION_RATE = 11 * KIB;
    /** A migration: four mock API servers with Vert.x and fabric8 loaded, and each session's Job, pod and ledger. */
    static final long MIGRATION_BASE = 50 * MIB;
    static final long MIGRATION_PER_SESSION = 58 * KIB;
    /** G1 needs room besides the live set to keep collecting; runs at 1.25x the live set completed. */
    static final double HEADROOM = 1.25;

    private HeapEstimate() {
    }

    /** The heap, in bytes, that simulating {@code workload} needs. */
    public static long bytes(Workload workload) {
        return (long) (HEADROOM * live(workload));
    }

    private static double live(Workload workload) {
        return BASE + workload.sessions() * perSession(workload) + (workload.migration() != null ? MIGRATION_BASE : 0);
    }

    private static double perSession(Workload workload) {
        double perDay = PER_SESSION_DAY + PER_SESSION_DAY_PER_OPERATION_RATE * workload.pip().operationsPerActiveHour();
        return PER_SESSION + workload.days() * perDay + (workload.migration() != null ? MIGRATION_PER_SESSION : 0);
    }

    /**
     * Refuses {@code workload} (read from {@code file}) when it needs more than {@code maxHeap} bytes, with one line
     * saying how many sessions of its length would fit and how to give the JVM more.
     */
    public static void check(Workload workload, Path file, long maxHeap) throws ConfigException {
        long needed = bytes(workload);
        if (needed <= maxHeap) {
            return;
        }
        double room = maxHeap / HEADROOM - BASE - (workload.migration() != null ? MIGRATION_BASE : 0);
        long fit = Math.max(0, (long) (room / perSession(workload)));
        long suggestGib = (long) Math.ceil(needed / GIB) + 1;
        throw new ConfigException(String.format(Locale.ROOT, "%s: %,d sessions over %s days need about %s of heap,"
                        + " more than this JVM's %s (at most about %,d sessions of %s days fit); give the JVM more with"
                        + " FERRY_JAVA_OPTS=-Xmx%dg, or simulate fewer sessions or days", file, workload.sessions(),
                plain(workload.days()), size(needed), size(maxHeap), fit, plain(workload.days()), suggestGib));
    }

    /** A size for messages: "1.5 GiB", "300 MiB". */
    public static String size(long bytes) {
        return bytes >= GIB ? String.format(Locale.ROOT, "%.1f GiB", bytes / GIB)
                : String.format(Locale.ROOT, "%d MiB", bytes / MIB);
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
