package dev.ferry.sim.session;

import dev.ferry.sim.fs.Distribution;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the user really has, and how well the checkpoints follow it (DESIGN.md's coalescing
 * accuracy): exactness at each quiescent point, the latency from a group of commands' last file
 * event to the checkpoint that captures it, captures missed, and packages lost at a stop.
 */
final class GroundTruth {

    private final SessionMetrics metrics;
    private Map<String, Distribution> installed = new LinkedHashMap<>();
    /** The user's set at the last quiescent point, and the last file event of the commands since. */
    private PackageSet quiescentTruth;
    private long groupLastEvent;
    private long pendingLastEvent = -1;
    private long lastCheckpointAt;
    /** A new set no checkpoint has equalled yet. */
    private PackageSet pendingTruth;
    /** {@link #installed} as a package set, made when first asked for after it changed. */
    private PackageSet installedSet;

    GroundTruth(SessionMetrics metrics) {
        this.metrics = metrics;
    }

    /** The user's distributions now, by normalized name. */
    Map<String, Distribution> installed() {
        return installed;
    }

    /** A new container holds {@code distributions}. */
    void reset(Map<String, Distribution> distributions) {
        installed = distributions;
        installedSet = null;
    }

    /** The first command of a group starts: nothing else runs. */
    void groupStarted() {
        if (pendingTruth != null) {
            metrics.captureMissed();
            pendingTruth = null;
        }
        quiescentTruth = installedSet();
        groupLastEvent = Long.MIN_VALUE;
    }

    /** A command exited, changing {@code changed} to what it left. */
    void applied(Operation operation, Set<String> changed) {
        groupLastEvent = Math.max(groupLastEvent, operation.lastEvent());
        Map<String, Distribution> next = new LinkedHashMap<>(installed);
        for (String key : changed) {
            Distribution after = operation.after().get(key);
            if (after == null) {
                next.remove(key);
            } else {
                next.put(key, after);
            }
        }
        installed = next;
        installedSet = null;
    }

    /** The last command of a group exited: a quiescent point, judged against the latest checkpoint. */
    void quiescent(PackageSet checkpointed) {
        PackageSet truth = installedSet();
        if (!truth.equals(quiescentTruth)) {
            pendingTruth = truth;
            pendingLastEvent = groupLastEvent;
        }
        boolean exact = checkpointed.equals(truth);
        metrics.quiescentPoint(exact);
        if (exact && pendingTruth != null && pendingTruth.equals(truth)) {
            captured(lastCheckpointAt);
        }
    }

    /** The tracker wrote {@code checkpoint} at {@code now}; {@code quiescent} when no command runs. */
    void checkpointWritten(Checkpoint checkpoint, long now, boolean quiescent) {
        metrics.checkpointWritten();
        lastCheckpointAt = now;
        if (pendingTruth != null && quiescent && checkpoint.packages().equals(pendingTruth)) {
            captured(lastCheckpointAt);
        }
    }

    private void captured(long checkpointAt) {
        metrics.captured(Math.max(0, checkpointAt - pendingLastEvent) / 1e6);
        pendingTruth = null;
    }

    /**
     * The container stopped with {@code interrupted} commands running: every package the user had, except those the
     * interrupted commands touched, must be in the checkpoint; each that is not is lost.
     */
    void stopped(Collection<Set<String>> interrupted, PackageSet checkpointed) {
        Map<String, Distribution> mustHave = new LinkedHashMap<>(installed);
        for (Set<String> touched : interrupted) {
            metrics.operationInterrupted();
            mustHave.keySet().removeAll(touched);
        }
        for (Distribution d : mustHave.values()) {
            if (!d.version().equals(checkpointed.version(d.key()))) {
                metrics.packageLost();
            }
        }
        pendingTruth = null;
    }

    private PackageSet installedSet() {
        if (installedSet == null) {
            PackageSet.Builder versions = PackageSet.builder(installed.size());
            installed.values().forEach(d -> versions.put(d.key(), d.version()));
            installedSet = versions.build();
        }
        return installedSet;
    }
}
