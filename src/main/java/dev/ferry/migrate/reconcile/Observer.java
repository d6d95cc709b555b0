package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.TargetCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads everything the reconciler decides from: every session on the source with its last activity (the later of
 * the source orchestrator's and the tracker's, as {@link CheckpointSignals} has it), every session Job on
 * every target cluster, and the checkpoint signals (a pass that reads only the unsettled Jobs observes only their
 * sessions). Keeps nothing between calls. A read that fails with a retryable
 * error is tried again at once, up to {@link #READ_ATTEMPTS} times in all (reads change nothing); a cluster that
 * still cannot be read is reported {@linkplain Observation#unreachable() unreachable} rather than failing the
 * whole observation, so migrations on the other clusters go on during one cluster's outage.
 */
public final class Observer {

    /** Attempts per cluster read. */
    public static final int READ_ATTEMPTS = 3;

    private static final Comparator<TargetJob> BY_CLUSTER = Comparator.comparing(TargetJob::cluster);

    private final SourceOrchestrator source;
    private final TargetClusters targets;
    private final CheckpointSignals signals;
    private final SessionSpecs specs;

    public Observer(SourceOrchestrator source, TargetClusters targets, CheckpointSignals signals, SessionSpecs specs) {
        this.source = Objects.requireNonNull(source, "source");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.specs = Objects.requireNonNull(specs, "specs");
    }

    /**
     * @throws SourceOrchestratorException if the source orchestrator could not be read
     */
    public Observation observe() throws SourceOrchestratorException {
        return observe(true);
    }

    /**
     * @param everyJob false to read only the Jobs whose migration is not done (a cheaper pass that can move
     *                 migrations on but start nothing new)
     * @throws SourceOrchestratorException if the source orchestrator could not be read
     */
    public Observation observe(boolean everyJob) throws SourceOrchestratorException {
        // looked up by id only; the sessions are visited in id order below
        Map<String, SourceSession> sources = new HashMap<>();
        for (SourceSession job : source.sessions()) {
            sources.put(specs.specFor(job).sessionId(), job);
        }
        List<TargetCluster> clusters = targets.clusters();
        Map<String, List<TargetJob>> jobs = new HashMap<>();
        Set<String> unreachable = new TreeSet<>();
        for (TargetCluster c : clusters) {
            Optional<List<TargetJob>> read = read(c.name(), everyJob);
            if (read.isEmpty()) {
                unreachable.add(c.name());
                continue;
            }
            for (TargetJob j : read.get()) {
                jobs.computeIfAbsent(j.sessionId(), k -> new ArrayList<>()).add(j);
            }
        }
        // a pass that read only unsettled Jobs acts on their sessions alone (it starts nothing new), so the others'
        // activity, specs and checkpoints are not read
        List<String> ids = new ArrayList<>(jobs.keySet());
        if (everyJob) {
            for (String id : sources.keySet()) {
                if (!jobs.containsKey(id)) {
                    ids.add(id);
                }
            }
        }
        ids.sort(Comparator.naturalOrder()); // one sort of an array, not a tree built name by name
        List<SessionObservation> sessions = new ArrayList<>();
        for (String id : ids) {
            Optional<SourceSession> source = Optional.ofNullable(sources.get(id));
            List<TargetJob> found = jobs.getOrDefault(id, List.of()); // this pass's own lists: sorted in place
            if (found.size() > 1) {
                found.sort(BY_CLUSTER);
            }
            OptionalLong activity = later(source.isPresent() ? this.source.lastActivity(source.get().jobId())
                    : OptionalLong.empty(), signals.lastActivity(id));
            sessions.add(new SessionObservation(id, source, source.map(specs::specFor), activity, found,
                    signals.status(id)));
        }
        return new Observation(clusters, sessions, unreachable, everyJob);
    }

    /** The later of two instants, either possibly absent. */
    static OptionalLong later(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.getAsLong() >= b.getAsLong() ? a : b;
    }

    private Optional<List<TargetJob>> read(String cluster, boolean everyJob) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(everyJob ? targets.jobs(cluster) : targets.unsettledJobs(cluster));
            } catch (TargetClusterException e) {
                if (!e.retryable() || attempt >= READ_ATTEMPTS) {
                    return Optional.empty();
                }
            }
        }
    }
}
