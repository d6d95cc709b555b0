package dev.ferry.sim.migration;

import dev.ferry.des.Kernel;
import dev.ferry.migrate.reconcile.CheckpointSignals;
import dev.ferry.migrate.reconcile.Executor;
import dev.ferry.migrate.reconcile.MigrationControl;
import dev.ferry.migrate.reconcile.MigrationPolicy;
import dev.ferry.migrate.reconcile.LeaseReadings;
import dev.ferry.migrate.reconcile.MigrationScheduler;
import dev.ferry.migrate.reconcile.MigrationStatusSink;
import dev.ferry.migrate.reconcile.Observer;
import dev.ferry.migrate.reconcile.Reconcile;
import dev.ferry.migrate.reconcile.SessionSpecs;
import dev.ferry.migrate.reconcile.SourceOrchestrator;
import dev.ferry.migrate.reconcile.TargetClusters;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.workload.MigrationFaults;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The migration scheduler as a process the workload's {@code scheduler_restarts} can kill: kills come as a Poisson
 * process from the migration's start. Half of them kill the process at once, between two passes (as good as among
 * the next pass's reads, which change nothing); the others in the next pass, after its first k changes with k = 1,
 * 2, 3... taken with probability 1/2, 1/4, 1/8... (see {@link CrashPoints}), so that every point between two of a
 * pass's changes can be hit: between creating a Job and stopping its source, between two sessions' steps, and so
 * on. {@code down_minutes} later a fresh {@link MigrationScheduler} with a new observer and executor starts, knowing
 * nothing but what it observes on the clusters, the source and the control plane (its first pass a full one); each
 * one publishes its full passes' overviews to {@code status}, as the product's scheduler does to its control plane. Without
 * restarts it is the one scheduler of the run, and draws nothing. {@code died} is told when the process dies (the
 * pass it asked for is void), {@code started} when the fresh one starts (it wants a pass).
 */
final class SchedulerProcess {

    private final Kernel kernel;
    private final SourceOrchestrator source;
    private final TargetClusters targets;
    private final CheckpointSignals signals;
    private final SessionSpecs specs;
    private final MigrationPolicy policy;
    private final long fullPassEveryMs;
    private final MigrationControl control;
    private final LeaseReadings leases;
    private final MigrationStatusSink status;
    private final CrashPoints crashes = new CrashPoints();
    private final MigrationFaults.SchedulerRestarts restarts;
    private final SplittableRandom random;
    private final Runnable died;
    private final Runnable started;
    private MigrationScheduler scheduler;
    private long kills;
    private long midPass;

    SchedulerProcess(Kernel kernel, SourceOrchestrator source, TargetClusters targets, CheckpointSignals signals,
            SessionSpecs specs, MigrationPolicy policy, long fullPassEveryMs, MigrationControl control,
            MigrationStatusSink status, LeaseReadings leases, MigrationFaults.SchedulerRestarts restarts, SplittableRandom random, Runnable died, Runnable started) {
        this.kernel = kernel;
        this.source = crashes.source(source);
        this.targets = crashes.targets(targets);
        this.signals = signals;
        this.specs = specs;
        this.policy = policy;
        this.fullPassEveryMs = fullPassEveryMs;
        this.control = control;
        this.status = status;
        this.leases = leases;
        this.restarts = restarts;
        this.random = random;
        this.died = died;
        this.started = started;
        this.scheduler = fresh();
    }

    /** Puts the kills from {@code fromNanos} to the horizon on the kernel's event list. */
    void scheduleKills(long fromNanos, long horizonNanos) {
        if (!restarts.any()) {
            return;
        }
        double meanGap = VirtualTime.HOUR * 24.0 / restarts.perDay();
        double t = fromNanos;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) * meanGap;
            if (t >= horizonNanos) {
                return;
            }
            kernel.schedule((long) t, this::killDue);
        }
    }

    boolean up() {
        return scheduler != null;
    }

    /** One pass of the running scheduler; empty when the process died during it (or is down). */
    Optional<Reconcile> pass() {
        if (scheduler == null) {
            return Optional.empty();
        }
        crashes.passStarts();
        try {
            Reconcile r = scheduler.reconcile();
            if (crashes.passEnded()) {
                die();
                return Optional.empty();
            }
            return Optional.of(r);
        } catch (CrashPoints.Killed e) {
            midPass++;
            die();
            return Optional.empty();
        }
    }

    /** {@code outcome} with what the kills came to, when the workload kills the scheduler. */
    MigrationOutcome withRestarts(MigrationOutcome outcome) {
        return restarts.any() ? outcome.withRestarts(new MigrationOutcome.Restarts(kills, midPass)) : outcome;
    }

    private void killDue() {
        if (scheduler == null || crashes.armed()) {
            return; // already down, or already doomed
        }
        if (random.nextBoolean()) {
            die(); // between passes
            return;
        }
        int after = 1;
        while (random.nextBoolean()) {
            after++;
        }
        crashes.arm(after);
    }

    private void die() {
        kills++;
        scheduler = null;
        crashes.disarm();
        died.run();
        long down = Math.round(restarts.downMinutes() * VirtualTime.MINUTE);
        kernel.schedule(kernel.nanos() + down, () -> {
            scheduler = fresh();
            started.run();
        });
    }

    private MigrationScheduler fresh() {
        Observer observer = new Observer(source, targets, signals, specs);
        Executor executor = new Executor(source, targets, (sessionId, owner, deadline) -> { });
        return new MigrationScheduler(kernel, observer, executor, policy, fullPassEveryMs, control,
                status, leases);
    }
}
