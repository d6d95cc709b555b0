package dev.ferry.sim.session;

import java.util.Arrays;

/**
 * What one session measured over a run (or, summed with {@link #add}, a whole run): the session
 * package counts as things happen; everything else reads the figures by name.
 */
public final class SessionMetrics {

    private long operations;
    private long stateChangingOperations;
    private long interruptedOperations;
    private long checkpoints;
    private long quiescentPoints;
    private long exactPoints;
    private long missedCaptures;
    private long userRestarts;
    private long oomKills;
    private long nodeLosses;
    private long lostPackages;
    private long fileEvents;
    private long visibleEvents;
    private long materializedEvents;
    private long deferredOperations;
    private long restores;
    private long failedRestores;
    private long packagesNotRestored;
    private final Samples latenciesMs = new Samples();
    private final Samples restoreSeconds = new Samples();

    /** A growing array of doubles, cheap for the thousands of sessions that each keep a few. */
    private static final class Samples {
        private double[] values = new double[4];
        private int count;

        void add(double value) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.count; i++) {
                add(other.values[i]);
            }
        }

        double[] toArray() {
            return Arrays.copyOf(values, count);
        }
    }

    /** Adds every count and sample of {@code other} to this. */
    public void add(SessionMetrics other) {
        operations += other.operations;
        stateChangingOperations += other.stateChangingOperations;
        interruptedOperations += other.interruptedOperations;
        checkpoints += other.checkpoints;
        quiescentPoints += other.quiescentPoints;
        exactPoints += other.exactPoints;
        missedCaptures += other.missedCaptures;
        userRestarts += other.userRestarts;
        oomKills += other.oomKills;
        nodeLosses += other.nodeLosses;
        lostPackages += other.lostPackages;
        fileEvents += other.fileEvents;
        visibleEvents += other.visibleEvents;
        materializedEvents += other.materializedEvents;
        deferredOperations += other.deferredOperations;
        restores += other.restores;
        failedRestores += other.failedRestores;
        packagesNotRestored += other.packagesNotRestored;
        latenciesMs.addAll(other.latenciesMs);
        restoreSeconds.addAll(other.restoreSeconds);
    }

    // ---- counted by the session as things happen ----

    void operationFinished(long events, boolean changedState) {
        operations++;
        fileEvents += events;
        if (changedState) {
            stateChangingOperations++;
        }
    }

    void operationInterrupted() {
        interruptedOperations++;
    }

    void operationDeferred() {
        deferredOperations++;
    }

    void eventMaterialized() {
        materializedEvents++;
    }

    void eventSeen() {
        visibleEvents++;
    }

    void checkpointWritten() {
        checkpoints++;
    }

    void quiescentPoint(boolean exact) {
        quiescentPoints++;
        if (exact) {
            exactPoints++;
        }
    }

    void captureMissed() {
        missedCaptures++;
    }

    void captured(double latencyMs) {
        latenciesMs.add(latencyMs);
    }

    void stopped(SimulatedSession.Cause cause) {
        switch (cause) {
            case USER -> userRestarts++;
            case OOM -> oomKills++;
            case NODE_LOSS -> nodeLosses++;
        }
    }

    void packageLost() {
        lostPackages++;
    }

    void restored(long nanos, boolean succeeded, int notRestored) {
        restores++;
        if (!succeeded) {
            failedRestores++;
        }
        packagesNotRestored += notRestored;
        restoreSeconds.add(nanos / 1e9);
    }

    // ---- the figures ----

    public long operations() {
        return operations;
    }

    public long stateChangingOperations() {
        return stateChangingOperations;
    }

    public long interruptedOperations() {
        return interruptedOperations;
    }

    public long checkpoints() {
        return checkpoints;
    }

    public long quiescentPoints() {
        return quiescentPoints;
    }

    public long exactPoints() {
        return exactPoints;
    }

    public long missedCaptures() {
        return missedCaptures;
    }

    public long userRestarts() {
        return userRestarts;
    }

    public long oomKills() {
        return oomKills;
    }

    public long nodeLosses() {
        return nodeLosses;
    }

    public long restarts() {
        return userRestarts + oomKills + nodeLosses;
    }

    public long lostPackages() {
        return lostPackages;
    }

    public long fileEvents() {
        return fileEvents;
    }

    /** File events applied one by one to a simulated environment: those its tracker could observe. */
    public long materializedEvents() {
        return materializedEvents;
    }

    public long visibleEvents() {
        return visibleEvents;
    }

    public long deferredOperations() {
        return deferredOperations;
    }

    public long restores() {
        return restores;
    }

    public long failedRestores() {
        return failedRestores;
    }

    public long packagesNotRestored() {
        return packagesNotRestored;
    }

    /** From each command's last file event to the checkpoint that captured it, ms. */
    public double[] latenciesMs() {
        return latenciesMs.toArray();
    }

    /** How long each restore took, in seconds of virtual time. */
    public double[] restoreSeconds() {
        return restoreSeconds.toArray();
    }
}
