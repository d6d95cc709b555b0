package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.time.ManualTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Fakes for everything the scheduler touches, on a manual clock, and the fake world's own progress. */
final class World {

    static final long EPOCH = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final long SECOND = 1_000;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;

    final ManualTime time = new ManualTime(0, EPOCH);
    final MutationGate gate = new MutationGate();
    final FakeSource source = new FakeSource(gate);
    final FakeTargets targets;
    final Map<String, CheckpointStatus> checkpoints = new HashMap<>();
    final Set<String> brokenRestores = new HashSet<>();
    final List<String> notices = new ArrayList<>();
    MigrationPolicy policy = policy(DisruptionBudget.of(10, 10, 1.0));

    World(TargetCluster... clusters) {
        targets = new FakeTargets(gate, clusters);
    }

    static TargetCluster cluster(String name, String zone, long cpuMillis, long memGiB) {
        return new TargetCluster(name, zone, Resources.ofGiB(cpuMillis, memGiB, 0));
    }

    static MigrationPolicy policy(DisruptionBudget budget) {
        return new MigrationPolicy(budget, 30 * MINUTE, Long.MAX_VALUE, 24 * HOUR, 10 * MINUTE, 5 * MINUTE,
                24 * HOUR, 5 * SECOND, 5 * MINUTE);
    }

    static SessionSpec spec(String id, String owner, String team) {
        return new SessionSpec(id, owner, team, SessionKind.JUPYTER, "jupyter:1", Resources.ofGiB(1000, 4, 0),
                "nfs.example", "/homes/" + owner, 0);
    }

    static SessionSpec specOf(SourceSession job) {
        return new SessionSpec(job.jobId(), job.owner(), job.team(), SessionKind.JUPYTER, "jupyter:1",
                Resources.ofGiB(job.resources().milliCpu(), job.resources().memoryMiB() / 1024, 0),
                "nfs.example", "/homes/" + job.owner(), 0);
    }

    long now() {
        return time.epochMillis();
    }

    void advance(long millis) {
        time.advanceBy(millis * 1_000_000L);
    }

    /** An idle session (last active two hours ago) with a checkpoint written after that. */
    void idleSession(String id, String owner, String team, long generation) {
        source.addRunning(id, owner, team, "zone-a", Resources.ofGiB(1000, 4, 0));
        source.setActivity(id, now() - 2 * HOUR);
        checkpoints.put(id, new CheckpointStatus(generation, now() - HOUR, false, OptionalLong.empty()));
    }

    MigrationScheduler scheduler() {
        return scheduler(MigrationControl.NEVER_PAUSED, MigrationStatusSink.NOBODY);
    }

    MigrationScheduler scheduler(MigrationControl control, MigrationStatusSink status) {
        Observer observer = new Observer(source, targets, id -> Optional.ofNullable(checkpoints.get(id)),
                World::specOf);
        Executor executor = new Executor(source, targets, (id, owner, deadline) -> notices.add(id));
        return new MigrationScheduler(time, observer, executor, policy, 0, control, status);
    }

    Observation observe() throws Exception {
        return new Observer(source, targets, id -> Optional.ofNullable(checkpoints.get(id)), World::specOf)
                .observe();
    }

    /** One step of the world: the source, the kubelet, and restores of running pods. */
    void tick() {
        source.tick();
        targets.tick();
        for (String id : new ArrayList<>(checkpoints.keySet())) {
            for (FakeTargets.Job j : targets.jobsOf(id)) {
                if (j.pod == PodPhase.RUNNING && !brokenRestores.contains(id)) {
                    CheckpointStatus c = checkpoints.get(id);
                    checkpoints.put(id, new CheckpointStatus(c.generation(), c.generationEpochMillis(),
                            c.installInProgress(), OptionalLong.of(j.spec.checkpointGeneration())));
                }
            }
        }
    }

    /** The state recorded on the session's Job on {@code cluster}, if there is one. */
    Optional<MigrationState> state(String cluster, String id) {
        return targets.job(cluster, id).map(j -> j.migration.state());
    }
}
