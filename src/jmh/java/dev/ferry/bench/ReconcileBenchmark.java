package dev.ferry.bench;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.SourceState;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.CheckpointStatus;
import dev.ferry.migrate.reconcile.MigrationPolicy;
import dev.ferry.migrate.reconcile.Observation;
import dev.ferry.migrate.reconcile.Plan;
import dev.ferry.migrate.reconcile.Reconciler;
import dev.ferry.migrate.reconcile.SessionObservation;
import dev.ferry.migrate.reconcile.TargetJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One reconcile decision ({@link Reconciler#decide}) over an {@link Observation} of {@value #SESSIONS} sessions in
 * the middle of the reference migration ({@code workloads/dsw-3500-migration.yaml}): four clusters in two zones as in
 * {@code model/clusters.yaml}, 60 teams of about 12 users, the sizes of {@code model/population.yaml}, the
 * migration's budgets (100 at once, 40 per cluster, a quarter of a team) and its 30-minute idle threshold. Of the
 * sessions, 1,400 are migrated (DONE, source ended), 70 in flight spread over every step from PENDING to VERIFYING,
 * 30 rolled back and waiting out their back-off, and 2,000 still on the source, 60% of them idle; so every branch
 * runs, and the decision admits up to 30 candidates and places them. The observation is built once per trial; one
 * op is one decision, which is what the scheduler runs after every pass over the clusters.
 *
 * <p>Run:
 * <pre>{@code
 * mvn -q -Pbench verify -Dmaven.test.skip=true -Djmh.args="ReconcileBenchmark"
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReconcileBenchmark {

    static final int SESSIONS = 3_500;
    private static final int DONE = 1_400;
    private static final int IN_FLIGHT = 70;
    private static final int ROLLED_BACK = 30;
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    /** Tuesday 2026-12-01 10:00 UTC: a day into the migration that starts Monday 18:00. */
    private static final long NOW = 1_796_119_200_000L;
    private static final String[] CLUSTERS = {"k8s-a1", "k8s-a2", "k8s-b1", "k8s-b2"};
    private static final MigrationState[] STEPS = {MigrationState.PENDING, MigrationState.BARRIER,
        MigrationState.STOPPING_SOURCE, MigrationState.CREATING, MigrationState.STARTING, MigrationState.VERIFYING};

    private Observation observation;
    private MigrationPolicy policy;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261201L);
        List<TargetCluster> clusters = new ArrayList<>();
        for (String name : CLUSTERS) {
            // 140 nodes of 32 cpu / 128 GiB, and 6 GPU nodes of 64 cpu / 512 GiB / 8 GPUs
            Resources gpuNodes = Resources.ofGiB(6 * 64_000L, 6 * 512L, 48);
            clusters.add(new TargetCluster(name, name.startsWith("k8s-a") ? "zone-a" : "zone-b",
                    Resources.ofGiB(140 * 32_000L, 140 * 128L, 0).plus(gpuNodes), gpuNodes));
        }
        List<SessionObservation> sessions = new ArrayList<>(SESSIONS);
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(session(i, random));
        }
        observation = new Observation(clusters, sessions);
        policy = MigrationPolicy.standard(DisruptionBudget.of(100, 40, 0.25), 30 * MINUTE, NOW + 3 * 24 * HOUR,
                24 * HOUR);
        Plan plan = Reconciler.decide(observation, policy, NOW);
        if (plan.actions().isEmpty()) {
            throw new IllegalStateException("the observation asks for no action: it exercises nothing");
        }
    }

    @Benchmark
    public Plan decide() {
        return Reconciler.decide(observation, policy, NOW);
    }

    private static SessionObservation session(int i, SplittableRandom random) {
        String id = String.format("s%05d", i);
        int team = random.nextInt(60);
        String owner = "u" + (team * 12 + random.nextInt(12));
        Resources size = size(random.nextDouble());
        String cluster = CLUSTERS[random.nextInt(CLUSTERS.length)];
        long generation = 1 + random.nextInt(40);
        long checkpointAt = NOW - random.nextLong(6 * HOUR);
        boolean idle = random.nextDouble() < 0.6;
        OptionalLong lastActivity = OptionalLong.of(idle ? NOW - 30 * MINUTE - random.nextLong(20 * HOUR)
                : NOW - random.nextLong(25 * MINUTE));
        SourceState sourceState;
        List<TargetJob> jobs = new ArrayList<>();
        OptionalLong restored = OptionalLong.empty();
        if (i < DONE) {
            sourceState = SourceState.ENDED;
            jobs.add(job(cluster, id, owner, team, false, MigrationState.DONE, PodPhase.RUNNING, generation,
                    NOW - random.nextLong(16 * HOUR), size));
            restored = OptionalLong.of(generation);
        } else if (i < DONE + IN_FLIGHT) {
            MigrationState step = STEPS[(i - DONE) % STEPS.length];
            boolean early = step.ordinal() < MigrationState.STARTING.ordinal();
            sourceState = early && step != MigrationState.CREATING ? SourceState.RUNNING : SourceState.ENDED;
            PodPhase pod = early ? null : step == MigrationState.VERIFYING ? PodPhase.RUNNING : PodPhase.PENDING;
            jobs.add(job(cluster, id, owner, team, early, step, pod, generation, NOW - random.nextLong(10 * MINUTE),
                    size));
        } else if (i < DONE + IN_FLIGHT + ROLLED_BACK) {
            sourceState = SourceState.RUNNING;
            jobs.add(job(cluster, id, owner, team, true, MigrationState.ROLLED_BACK, PodPhase.FAILED, generation,
                    NOW - random.nextLong(50 * MINUTE), size));
        } else {
            sourceState = SourceState.RUNNING;
        }
        SourceSession source = new SourceSession("peloton-" + id, owner, "team-" + team,
                random.nextBoolean() ? "zone-a" : "zone-b", size, sourceState);
        SessionSpec spec = new SessionSpec(id, owner, "team-" + team,
                random.nextDouble() < 0.85 ? SessionKind.JUPYTER : SessionKind.RSTUDIO, "registry.example/dsw:2026.11",
                size, "nfs-" + team % 4 + ".example", "/export/homes/" + owner, 0);
        CheckpointStatus checkpoint = new CheckpointStatus(generation, checkpointAt, random.nextDouble() < 0.02,
                restored);
        return new SessionObservation(id, Optional.of(source), Optional.of(spec), lastActivity, jobs,
                Optional.of(checkpoint));
    }

    /** The sizes of model/population.yaml: small 55%, medium 30%, large 10%, GPU 5%. */
    private static Resources size(double roll) {
        if (roll < 0.55) {
            return Resources.ofGiB(2_000, 8, 0);
        }
        if (roll < 0.85) {
            return Resources.ofGiB(4_000, 16, 0);
        }
        if (roll < 0.95) {
            return Resources.ofGiB(16_000, 64, 0);
        }
        return Resources.ofGiB(8_000, 61, 1);
    }

    private static TargetJob job(String cluster, String id, String owner, int team, boolean suspended,
            MigrationState state, PodPhase pod, long generation, long started, Resources size) {
        return new TargetJob(cluster, id, owner, "team-" + team, suspended, false,
                new MigrationRecord.Valid(new MigrationRecord(generation, state, started)), "r" + id,
                Optional.ofNullable(pod), size);
    }
}
