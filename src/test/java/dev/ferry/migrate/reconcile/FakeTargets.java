package dev.ferry.migrate.reconcile;

import dev.ferry.cluster.kube.MigrationAnnotations;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * In-memory target clusters with a fake kubelet ({@link #tick()}): an unsuspended Job gets a Pending pod, a
 * Pending pod runs (or fails, for sessions told to), a suspended Job's pod goes away.
 */
final class FakeTargets implements TargetClusters {

    static final class Job {
        final String cluster;
        final SessionSpec spec;
        boolean suspended;
        MigrationRecord migration;
        long resourceVersion;
        PodPhase pod;

        Job(String cluster, SessionSpec spec, MigrationRecord migration, long rv) {
            this.cluster = cluster;
            this.spec = spec;
            this.suspended = true;
            this.migration = migration;
            this.resourceVersion = rv;
        }
    }

    private final List<TargetCluster> clusters;
    private final Map<String, Map<String, Job>> jobs = new TreeMap<>();
    private final MutationGate gate;
    private final Set<String> failingPods = new HashSet<>();
    private final Set<String> stuckPods = new HashSet<>();
    private final Deque<TargetClusterException> errors = new ArrayDeque<>();
    private final Map<String, Integer> failingReads = new HashMap<>();
    int fullReads;
    int unsettledReads;
    private long rv = 100;

    FakeTargets(MutationGate gate, TargetCluster... clusters) {
        this.gate = gate;
        this.clusters = List.of(clusters);
        for (TargetCluster c : clusters) {
            jobs.put(c.name(), new TreeMap<>());
        }
    }

    /** The session's pods fail once they would run (the first time only). */
    void failPodOf(String sessionId) {
        failingPods.add(sessionId);
    }

    /** The session's pods stay Pending. */
    void stickPodOf(String sessionId) {
        stuckPods.add(sessionId);
    }

    /** The next mutating call throws {@code e}. */
    void failNext(TargetClusterException e) {
        errors.add(e);
    }

    /** The next {@code times} reads of {@code cluster}'s Jobs answer 503. */
    void failReads(String cluster, int times) {
        failingReads.merge(cluster, times, Integer::sum);
    }

    Optional<Job> job(String cluster, String sessionId) {
        return Optional.ofNullable(jobs.get(cluster).get(sessionId));
    }

    List<Job> jobsOf(String sessionId) {
        List<Job> found = new ArrayList<>();
        jobs.values().forEach(m -> Optional.ofNullable(m.get(sessionId)).ifPresent(found::add));
        return found;
    }

    /** Puts a Job there directly, as an earlier scheduler would have left it. */
    Job put(String cluster, SessionSpec spec, MigrationState state, boolean suspended, PodPhase pod, long started) {
        Job j = new Job(cluster, spec, new MigrationRecord(spec.checkpointGeneration(), state, started), ++rv);
        j.suspended = suspended;
        j.pod = pod;
        jobs.get(cluster).put(spec.sessionId(), j);
        return j;
    }

    void tick() {
        for (Map<String, Job> m : jobs.values()) {
            for (Job j : m.values()) {
                if (j.suspended) {
                    j.pod = null;
                } else if (j.pod == null) {
                    j.pod = PodPhase.PENDING;
                } else if (j.pod == PodPhase.PENDING && !stuckPods.contains(j.spec.sessionId())) {
                    j.pod = failingPods.remove(j.spec.sessionId()) ? PodPhase.FAILED : PodPhase.RUNNING;
                }
            }
        }
    }

    @Override
    public List<TargetCluster> clusters() {
        return clusters;
    }

    @Override
    public List<TargetJob> unsettledJobs(String cluster) {
        unsettledReads++;
        fullReads--; // the default reads every Job and filters; count it as the narrower read it stands for
        return TargetClusters.super.unsettledJobs(cluster);
    }

    @Override
    public List<TargetJob> jobs(String cluster) {
        fullReads++;
        if (failingReads.getOrDefault(cluster, 0) > 0) {
            failingReads.merge(cluster, -1, Integer::sum);
            throw new TargetClusterException(cluster, "list session jobs failed: unavailable", true, null);
        }
        return jobs.get(cluster).values().stream().map(FakeTargets::view).toList();
    }

    @Override
    public void create(String cluster, SessionSpec spec, MigrationRecord migration, boolean suspended) {
        mutate();
        Job job = new Job(cluster, spec, migration, ++rv);
        job.suspended = suspended;
        jobs.get(cluster).putIfAbsent(spec.sessionId(), job);
    }

    @Override
    public PatchResult patch(String cluster, String sessionId, MigrationRecord migration, Boolean suspend,
            String resourceVersion) {
        mutate();
        Job j = jobs.get(cluster).get(sessionId);
        if (j == null) {
            return PatchResult.NOT_FOUND;
        }
        if (!Long.toString(j.resourceVersion).equals(resourceVersion)) {
            return PatchResult.CONFLICT;
        }
        j.migration = migration;
        if (suspend != null) {
            j.suspended = suspend;
        }
        j.resourceVersion = ++rv;
        return PatchResult.PATCHED;
    }

    @Override
    public void delete(String cluster, String sessionId) {
        mutate();
        jobs.get(cluster).remove(sessionId);
    }

    private void mutate() {
        if (!errors.isEmpty()) {
            throw errors.poll();
        }
        gate.pass();
    }

    private static TargetJob view(Job j) {
        Map<String, String> annotations = new LinkedHashMap<>(MigrationAnnotations.toMap(j.migration));
        return new TargetJob(j.cluster, j.spec.sessionId(), j.spec.owner(), j.spec.team(), j.suspended, false,
                MigrationAnnotations.parse(annotations), Long.toString(j.resourceVersion),
                Optional.ofNullable(j.pod), j.spec.resources());
    }
}
