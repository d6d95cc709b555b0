package dev.ferry.cli;

import dev.ferry.sim.parallel.SideBySide;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Simulation runs side by side ({@link SideBySide}), as the suite and the sweeps run them: one progress bar with
 * an ETA over all of them on a terminal; elsewhere (CI logs) a line with the runs done and the time left as each
 * run ends. Each run measures and reports its own wall time, as {@code sim run} does.
 */
final class RunBatch {

    /** One run of the batch: what its lines call it, the heap it needs, and how to run it. */
    record Planned(String name, long heapBytes, Body body) {
    }

    /** Runs one simulation with the simulator given (which reports its progress) and writes its folder. */
    interface Body {
        SimRunner.Outcome run(SimRunner.Simulator simulator);
    }

    private final String what;
    private final List<Planned> runs;
    private final double[] fractions;
    private final long started = System.nanoTime();
    private int ended;
    private int failed;

    private RunBatch(String what, List<Planned> runs) {
        this.what = what;
        this.runs = List.copyOf(runs);
        this.fractions = new double[runs.size()];
    }

    /**
     * Runs {@code runs}, at most {@code parallel} at once and as many as the heap holds, and returns how each ended,
     * in order. {@code what} names the batch in progress lines ("suite", "sweep").
     */
    static List<SideBySide.Done<SimRunner.Outcome>> run(String what, List<Planned> runs, int parallel,
            PrintWriter log) {
        return new RunBatch(what, runs).run(parallel, log);
    }

    private List<SideBySide.Done<SimRunner.Outcome>> run(int parallel, PrintWriter log) {
        List<SideBySide.Task<SimRunner.Outcome>> tasks = new ArrayList<>();
        ProgressBar bar = SimRunner.showProgress() ? new ProgressBarBuilder().setTaskName(what)
                .setInitialMax(1000L * runs.size()).setStyle(ProgressBarStyle.ASCII).setUnit(" ‰ of a run", 1)
                .build() : null;
        for (int i = 0; i < runs.size(); i++) {
            Planned planned = runs.get(i);
            int index = i;
            SimRunner.Simulator simulator = SimRunner.reportingTo(fraction -> {
                if (bar != null) {
                    bar.stepTo(Math.round(1000 * advance(index, fraction)));
                }
            });
            tasks.add(new SideBySide.Task<>() {
                @Override
                public long heapBytes() {
                    return planned.heapBytes();
                }

                @Override
                public SimRunner.Outcome run() {
                    return planned.body().run(simulator);
                }
            });
        }
        try {
            return new SideBySide(parallel, Runtime.getRuntime().maxMemory()).run(tasks, (index, failure) -> {
                String line = ended(index, failure != null);
                if (bar == null) {
                    log.println(line);
                    log.flush();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(what + " interrupted");
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Records run {@code index} at {@code fraction}; the batch's fraction done. */
    private synchronized double advance(int index, double fraction) {
        fractions[index] = fraction;
        double sum = 0;
        for (double f : fractions) {
            sum += f;
        }
        return sum;
    }

    private synchronized String ended(int index, boolean hasFailed) {
        fractions[index] = 1;
        ended++;
        failed += hasFailed ? 1 : 0;
        double done = advance(index, 1) / runs.size();
        double elapsed = (System.nanoTime() - started) / 1e9;
        String left = ended == runs.size() ? "" : String.format(Locale.ROOT, ", about %s left",
                duration(elapsed * (1 - done) / Math.max(done, 1e-9)));
        return String.format(Locale.ROOT, "%s: %d of %d runs ended%s in %s%s", what, ended, runs.size(),
                failed == 0 ? "" : " (" + failed + " failed)", duration(elapsed), left);
    }

    private static String duration(double seconds) {
        return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
}
