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
    private double[] latenciesMs = new double[8];
    private int latencyCount;

    void latency(double ms) {
        if (latencyCount == latenciesMs.length) {
            latenciesMs = Arrays.copyOf(latenciesMs, latencyCount * 2);
        }
        latenciesMs[latencyCount++] = ms;
    }

    public double[] latenciesMs() {
        return Arrays.copyOf(latenciesMs, latencyCount);
    }

    public long restarts() {
        return userRestarts + oomKills + nodeLosses;
    }
}
