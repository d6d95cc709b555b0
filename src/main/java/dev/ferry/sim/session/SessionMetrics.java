package dev.ferry.sim.session;

import java.util.Arrays;

/** What one session measured over a run; the simulation sums these up. */
public final class SessionMetrics {

    public long operations;
    public long stateChangingOperations;
    public long interruptedOperations;
    public long checkpoints;
    public long quiescentPoints;
    public long exactPoints;
    public long missedCaptures;
    public long userRestarts;
    public long oomKills;
    public long nodeLosses;
    public long lostPackages;
    public long fileEvents;
    public long visibleEvents;
    public long deferredOperations;
    public long restores;
    public long failedRestores;
    public long packagesNotRestored;
    private double[] restoreSeconds = new double[4];
    private int restoreCount;
    private double[] latenciesMs = new double[8];
    private int latencyCount;

    void latency(double ms) {
        if (latencyCount == latenciesMs.length) {
            latenciesMs = Arrays.copyOf(latenciesMs, latencyCount * 2);
        }
        latenciesMs[latencyCount++] = ms;
    }

    void restored(long nanos, boolean succeeded, int notRestored) {
        restores++;
        if (!succeeded) {
            failedRestores++;
        }
        packagesNotRestored += notRestored;
        if (restoreCount == restoreSeconds.length) {
            restoreSeconds = Arrays.copyOf(restoreSeconds, restoreCount * 2);
        }
        restoreSeconds[restoreCount++] = nanos / 1e9;
    }

    /** How long each restore took, in seconds of virtual time. */
    public double[] restoreSeconds() {
        return Arrays.copyOf(restoreSeconds, restoreCount);
    }

    public double[] latenciesMs() {
        return Arrays.copyOf(latenciesMs, latencyCount);
    }

    public long restarts() {
        return userRestarts + oomKills + nodeLosses;
    }
}
