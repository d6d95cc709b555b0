package dev.ferry.sim.run;

import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures how a workload's cost grows with its sessions: runs it with its sessions overridden, takes the live heap
 * (used after a full GC) every 12 virtual hours and at the end, and prints one JSON line with the peak live heap per
 * session and the simulation's wall time per session-day, the forced collections' time left out. Run with
 * {@code java -Xmx16g -cp "target/test-classes:target/classes:target/lib/*" dev.ferry.sim.run.ScaleProbe
 * workloads/scale-100k.yaml SESSIONS [SEED]}.
 */
public final class ScaleProbe {

    private ScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Workload file = WorkloadReader.read(Path.of(args[0]));
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : file.sessions();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Workload workload = new Workload(file.name(), file.description(), sessions, file.days(), file.start(),
                file.pip(), file.activity(), file.restarts(), file.population(), file.storm(), file.migration());
        long[] peak = {0};
        long[] collecting = {0};
        double[] next = {0};
        double step = 0.5 / workload.days();
        long start = System.nanoTime();
        Simulation simulation = new Simulation(workload, seed);
        long built = System.nanoTime();
        SimulationResult result = simulation.run(progress -> {
            if (progress + 1e-9 >= next[0] || progress >= 1) {
                next[0] += step;
                long before = System.nanoTime();
                peak[0] = Math.max(peak[0], liveHeap());
                collecting[0] += System.nanoTime() - before;
            }
        });
        double wall = (System.nanoTime() - start - collecting[0]) / 1e9;
        double sessionDays = sessions * workload.days();
        System.out.printf(Locale.ROOT, "{\"sessions\": %d, \"days\": %s, \"seed\": %d, \"wall_s\": %.1f, \"build_s\": %.1f,"
                        + " \"live_heap_mib\": %.1f, \"heap_per_session_kib\": %.1f, \"wall_ms_per_session_day\": %.3f,"
                        + " \"file_events\": %d, \"kernel_events\": %d, \"max_heap_mib\": %d}%n",
                sessions, workload.days(), seed, wall, (built - start) / 1e9, peak[0] / 1048576.0,
                peak[0] / 1024.0 / sessions, wall * 1000 / sessionDays, result.totals().fileEvents(),
                result.kernelEvents(), Runtime.getRuntime().maxMemory() / 1048576);
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
