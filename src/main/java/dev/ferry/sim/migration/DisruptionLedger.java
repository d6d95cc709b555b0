package dev.ferry.sim.migration;

import dev.ferry.sim.Quantiles;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.world.ActivitySchedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each session runs during a migration, and the disruption windows that follow from it (DESIGN.md's
 * metrics): a window runs from the session going down to it being usable again, and is user-visible when its user
 * was active at any moment of it. Also catches sessions running on the source and a target at once, and counts
 * what the stops cost (kernel state, packages).
 */
final class DisruptionLedger {


    private record Window(int session, long start, long end, boolean visible) {
    }

    private final List<ActivitySchedule> schedules;
    private final boolean[] sourceRunning;
    private final boolean[] targetRunning;
    private final boolean[] doubled;
    private final boolean[] rolledBack;
    /** Stopped on the source by its user, not by the migration: no disruption of the migration's, not stranded. */
    private final boolean[] stoppedByUser;
    private final int[] sourceUps;
    private final long[] windowStart;
    private final List<Window> windows = new ArrayList<>();
    private long lostKernelState;
    private long lostPackages;
    private long lastUsable = -1;

    /** Every session starts running on the source. */
    DisruptionLedger(List<ActivitySchedule> schedules) {
        this.schedules = schedules;
        int n = schedules.size();
        sourceRunning = new boolean[n];
        targetRunning = new boolean[n];
        doubled = new boolean[n];
        rolledBack = new boolean[n];
        sourceUps = new int[n];
        windowStart = new long[n];
        stoppedByUser = new boolean[n];
        Arrays.fill(sourceRunning, true);
        Arrays.fill(windowStart, -1);
    }

    /** Session {@code i} is usable again on the source ({@link #sourceUp}) or a target ({@link #targetUp}). */
    void up(int i, boolean source, long now) {
        if (source) {
            sourceUp(i, now);
        } else {
            targetUp(i, now);
        }
    }

    /** The source task of session {@code i} is RUNNING again (a rollback, or a restart after a lost target). */
    void sourceUp(int i, long now) {
        if (stoppedByUser[i]) { // its user started it again
            stoppedByUser[i] = false;
            sourceRunning[i] = true;
            doubled[i] |= targetRunning[i];
            return;
        }
        sourceRunning[i] = true;
        rolledBack[i] = true;
        sourceUps[i]++;
        doubled[i] |= targetRunning[i];
        closeWindow(i, now);
    }

    /** The session's pod on a target turned Running, and its restore is done. */
    void targetUp(int i, long now) {
        targetRunning[i] = true;
        doubled[i] |= sourceRunning[i];
        closeWindow(i, now);
        lastUsable = Math.max(lastUsable, now);
    }

    /**
     * The session went down on the source or a target; {@code kernelWasUp} whether its container ran (its kernels'
     * memory is lost), {@code packagesLost} what its checkpoint lacked.
     */
    void down(int i, boolean source, long now, boolean kernelWasUp, long packagesLost) {
        if (source) {
            sourceRunning[i] = false;
        } else {
            targetRunning[i] = false;
        }
        lostKernelState += kernelWasUp ? 1 : 0;
        lostPackages += packagesLost;
        if (windowStart[i] < 0) {
            windowStart[i] = now;
        }
    }

    /** Session {@code i}'s user stopped it on the source: it is down by their choice, which opens no window. */
    void stoppedByUser(int i) {
        sourceRunning[i] = false;
        stoppedByUser[i] = true;
    }

    /** Whether session {@code i} is running on the source now. */
    boolean onSource(int i) {
        return sourceRunning[i];
    }

    /** Marks sessions that are running on both sides right now (call after every pass). */
    void checkDoubleRunning() {
        for (int i = 0; i < sourceRunning.length; i++) {
            if (sourceRunning[i] && targetRunning[i]) {
                doubled[i] = true;
            }
        }
    }

    private void closeWindow(int i, long now) {
        if (windowStart[i] >= 0) {
            windows.add(new Window(i, windowStart[i], now, schedules.get(i).activeDuring(windowStart[i], now)));
            windowStart[i] = -1;
        }
    }

    /**
     * The figures at {@code now} (windows still open end there); {@code migrated}, {@code failed} and which
     * sessions have a migration still under way ({@code inFlight}, by index) come from the clusters. A session
     * running nowhere is stranded unless its migration is under way (its pod still starting at the horizon, say) or
     * its user stopped it.
     * Call once, at the end.
     */
    MigrationOutcome outcome(String strategy, int migrated, int failed, boolean[] inFlight, long startNanos,
            long passes, long now,
            MigrationOutcome.ClusterActivity clusters, MigrationOutcome.BudgetPeaks budgets,
            java.util.Optional<MigrationOutcome.Fencing> fencing) {
        for (int i = 0; i < windowStart.length; i++) {
            closeWindow(i, now);
        }
        int stranded = 0;
        int stillMigrating = 0;
        int onSource = 0;
        int doubleRunning = 0;
        int rolled = 0;
        for (int i = 0; i < sourceRunning.length; i++) {
            boolean nowhere = !sourceRunning[i] && !targetRunning[i];
            nowhere &= !stoppedByUser[i];
            stranded += nowhere && !inFlight[i] ? 1 : 0;
            stillMigrating += nowhere && inFlight[i] ? 1 : 0;
            onSource += sourceRunning[i] ? 1 : 0;
            doubleRunning += doubled[i] ? 1 : 0;
            rolled += rolledBack[i] ? 1 : 0; // the first RUNNING, at registration, is not a rollback
        }
        boolean[] disrupted = new boolean[sourceRunning.length];
        List<Double> visible = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (Window w : windows) {
            double seconds = (w.end() - w.start()) / 1e9;
            total.add(seconds);
            if (w.visible()) {
                visible.add(seconds);
                disrupted[w.session()] = true;
            }
        }
        int disruptedWhileActive = 0;
        for (boolean b : disrupted) {
            disruptedWhileActive += b ? 1 : 0;
        }
        double makespan = lastUsable < 0 ? 0 : (lastUsable - startNanos) / (double) VirtualTime.HOUR;
        return new MigrationOutcome(strategy, migrated, failed, rolled, stranded, stillMigrating, onSource, doubleRunning, makespan,
                disruptedWhileActive, quantiles(visible), quantiles(total), windows.size(), lostKernelState,
                lostPackages, passes, clusters, budgets, fencing);
    }

    /** Each session's windows summed, its returns to the source, and whether its user saw one; after {@link #outcome}. */
    MigrationHistory.SessionDisruption[] perSession() {
        int n = sourceUps.length;
        long[] visible = new long[n];
        long[] total = new long[n];
        boolean[] seen = new boolean[n];
        for (Window w : windows) {
            total[w.session()] += w.end() - w.start();
            if (w.visible()) {
                visible[w.session()] += w.end() - w.start();
                seen[w.session()] = true;
            }
        }
        MigrationHistory.SessionDisruption[] out = new MigrationHistory.SessionDisruption[n];
        for (int i = 0; i < n; i++) {
            out[i] = new MigrationHistory.SessionDisruption(visible[i], total[i], sourceUps[i], seen[i]);
        }
        return out;
    }

    static double[] quantiles(List<Double> values) {
        return Quantiles.nearestRank(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
