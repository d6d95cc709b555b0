package dev.ferry.sim.migration;

import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.InMemorySessionStore;
import dev.ferry.cluster.kube.KubeTargets;
import dev.ferry.cluster.peloton.PelotonSource;
import dev.ferry.cluster.peloton.Resources;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.des.Kernel;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.LeaseStatus;
import dev.ferry.migrate.reconcile.MigrationPolicy;
import dev.ferry.migrate.reconcile.MigrationScheduler;
import dev.ferry.migrate.reconcile.Reconcile;
import dev.ferry.migrate.reconcile.SourceOrchestrator;
import dev.ferry.migrate.reconcile.TargetJob;
import dev.ferry.sim.kube.FakeKubelet;
import dev.ferry.sim.kube.PodChange;
import dev.ferry.sim.peloton.FakePeloton;
import dev.ferry.sim.peloton.FakePelotonConfig;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.peloton.TaskTransition;
import dev.ferry.sim.session.SimulatedSession;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.world.ActivitySchedule;
import dev.ferry.time.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The migration on the sessions' kernel: one fabric8 CRUD mock server and one {@link FakeKubelet} per cluster of
 * the cluster model, a {@link FakePeloton} holding every session as a RUNNING job at time 0, and the real
 * {@link MigrationScheduler} over {@link KubeTargets}, run as a {@link SchedulerProcess} that the workload may kill
 * and restart. A pass runs at the wake-up the scheduler asks for (bounded
 * to [5 s, 1 h] ahead, sooner when a source task is KILLED or a pod changes), then every kubelet syncs.
 *
 * <p>The sessions follow: a source task leaving RUNNING takes the container down as SIGTERM does (the tracker
 * flushes) without a restart; a target pod turning Running starts a new container restored from the checkpoint;
 * the source RUNNING again after a rollback does the same on the source. A disruption window runs from the source
 * stop to the session being usable again (its pod Running and the product's restore done, on virtual time); it is
 * user-visible when the user was active at any moment of it.
 *
 * <p>The checkpoint barrier's signals come from the control plane's own rules ({@link ControlPlane}, in memory), which
 * each session's tracker reports to as a real one would ({@link TrackerReports}); users' activity reaches Peloton as
 * JupyterHub's would, and the control plane as the tracker's ({@link ActivityFeed}). The scheduler reads the pause
 * from the control plane too, and publishes each full pass's overview there, as operators would read it; at the
 * horizon each session still on the source is reported with the hold that overview gives it ({@link StillOnSource}).
 */
public final class MigrationWorld implements AutoCloseable {

    /**
     * The least time between two passes: a pass then takes in every change of the last few seconds at once (as a
     * controller's work queue batches watch events) instead of one pass per pod or task change.
     */
    private static final long MIN_STEP = 5 * VirtualTime.SECOND;
    private static final long MAX_SLEEP_MS = MigrationPolicy.STANDARD_MAX_SLEEP_MS;
    /** How often the scheduler reads every Job rather than only the ones whose migration is not done. */
    private static final long FULL_PASS_EVERY_MS = 5 * 60_000;
    /** How soon a kubelet with work left syncs again on its own. */
    private static final long KUBELET_RETRY = 30 * VirtualTime.SECOND;

    private final Kernel kernel;
    private final List<SimulatedSession> sessions;
    private final Strategy strategy;
    private final Workload.Migration config;
    private final long startNanos;
    private final long epochAtZero;
    private final SessionIds ids;
    private final MockFederation federation;
    private final BudgetAudit audit;
    private final KubeTargets targets;
    private final FakePeloton peloton;
    private final SchedulerProcess scheduler;
    private final DisruptionLedger ledger;
    private final ControlPlane plane;
    private final TrackerReports trackers;
    private final ActivityFeed activity;
    private final RollingAdmission admitting;
    private final MigrationHistory history;
    private final SessionInstances instances;
    private final RecoveryCounts recoveries;
    private final UserStops userStops;
    private long passes;
    private boolean kubeletRetryDue;
    private int pausesOn;
    private Timer.Scheduled nextPass;
    private long nextPassAt = Long.MAX_VALUE;

    public MigrationWorld(Kernel kernel, List<SimulatedSession> sessions, List<ActivitySchedule> schedules,
            Workload.Migration config, Strategy strategy, long seed, long horizonNanos) {
        this.kernel = kernel;
        this.sessions = sessions;
        this.config = config;
        this.strategy = strategy;
        this.epochAtZero = kernel.epochMillis() - kernel.nanos() / VirtualTime.MILLISECOND;
        this.startNanos = VirtualTime.hours(config.startHour());
        int n = sessions.size();
        ids = new SessionIds(n);
        ledger = new DisruptionLedger(schedules);
        plane = new ControlPlane(new InMemorySessionStore(), kernel);
        SplittableRandom random = new SplittableRandom(seed ^ 0x6d16_7a7e_0fe4_4aL);
        federation = new MockFederation(config.clusters(), kernel, random, this::onPod);
        targets = federation.targets();
        List<String> zones = federation.zones();
        peloton = new FakePeloton(kernel, kernel, new SplittableRandom(random.nextLong()),
                FakePelotonConfig.fixed(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1),
                        Duration.ofSeconds(20)));
        for (int i = 0; i < n; i++) {
            SimulatedSession s = sessions.get(i);
            peloton.register(ids.id(i), s.profile().owner(), s.profile().team(), zones.get(i % zones.size()),
                    Resources.of(s.profile().size().resources()));
        }
        peloton.addTransitionListener(this::onTask);
        activity = new ActivityFeed(schedules, ids, peloton, plane, epochAtZero);
        trackers = new TrackerReports(sessions, ids, plane, kernel, activity);
        SourceOrchestrator source = new PelotonSource(peloton);
        admitting = strategy.admitsAtARate()
                ? new RollingAdmission(source, ids, kernel, startNanos, config.rollingPerHour()) : null;
        SourceOrchestrator view = admitting != null ? admitting : source;
        MigrationPolicy policy = strategy.policy(config, n, epochAtZero, startNanos);
        history = new MigrationHistory(config.clusters().clusters().stream().map(c -> c.name()).toList(), n,
                policy.budget());
        Map<String, String> teams = new HashMap<>();
        for (int i = 0; i < n; i++) {
            teams.put(ids.id(i), sessions.get(i).profile().team());
        }
        audit = new BudgetAudit(targets, policy.budget(), teams, new BudgetAudit.Writes() {
            @Override
            public void stateWritten(String sessionId, String cluster, MigrationState state) {
                Integer i = ids.indexOf(sessionId);
                if (i != null) {
                    history.stateWritten(i, cluster, state, kernel.nanos());
                }
            }

            @Override
            public void jobDeleted(String sessionId, String cluster) {
                Integer i = ids.indexOf(sessionId);
                if (i != null) {
                    history.jobDeleted(i, cluster, kernel.nanos());
                }
            }
        });
        TargetSpecs specs = new TargetSpecs(sessions, ids);
        instances = SessionInstances.of(config.leases(), kernel, ids, new SessionInstances.Sessions(this::bringUp,
                (i, place) -> goDown(i, LeaseStatus.SOURCE.equals(place))), federation::cutOff);
        recoveries = new RecoveryCounts(audit);
        scheduler = new SchedulerProcess(kernel, view, recoveries, plane, specs::of, policy, FULL_PASS_EVERY_MS,
                plane::paused, plane, instances.readings(), config.faults().schedulerRestarts(),
                new SplittableRandom(seed ^ 0x5c4e_d01eL), this::voidPass,
                () -> schedulePass(Math.max(startNanos, kernel.nanos())));
        scheduler.scheduleKills(startNanos, horizonNanos);
        userStops = new UserStops(kernel, peloton, ids, schedules, config.userStopsPerDay(),
                new SplittableRandom(seed ^ 0x05e4_5709L), 0, horizonNanos);
        FaultSchedule.schedule(config.faults(), federation, kernel, new SplittableRandom(seed ^ 0x0fa7_17e5L),
                startNanos, horizonNanos, history::fault);
        for (Workload.Pause p : config.pauses()) {
            long from = VirtualTime.hours(p.fromHour());
            if (from < horizonNanos) {
                kernel.schedule(from, () -> pause(+1));
                kernel.schedule(Math.min(horizonNanos, from + VirtualTime.hours(p.hours())), () -> pause(-1));
            }
        }
        schedulePass(startNanos);
    }

    // ---- passes ----

    private void schedulePass(long atNanos) {
        if (atNanos >= nextPassAt || !scheduler.up()) {
            return;
        }
        if (nextPass != null) {
            nextPass.cancel();
        }
        nextPassAt = atNanos;
        nextPass = kernel.schedule(atNanos, this::pass);
    }

    /** The scheduler process died: the pass it asked for is void. */
    private void voidPass() {
        if (nextPass != null) {
            nextPass.cancel();
        }
        nextPass = null;
        nextPassAt = Long.MAX_VALUE;
    }

    /** Something moved: look again within {@link #MIN_STEP} (not before the migration starts). */
    private void wake() {
        schedulePass(Math.max(startNanos, kernel.nanos() + MIN_STEP));
    }

    private void pass() {
        nextPass = null;
        nextPassAt = Long.MAX_VALUE;
        passes++;
        activity.update(kernel.nanos());
        trackers.report();
        federation.awaitCaches();
        Optional<Reconcile> pass = scheduler.pass();
        syncKubelets();
        ledger.checkDoubleRunning();
        if (pass.isEmpty()) {
            return; // the process died during the pass: the fresh one asks for its first pass when it starts
        }
        Reconcile r = pass.get();
        long now = kernel.epochMillis();
        long delayMs = Math.max(MIN_STEP / VirtualTime.MILLISECOND, Math.min(MAX_SLEEP_MS, r.nextWakeupMillis() - now));
        long next = kernel.nanos() + delayMs * VirtualTime.MILLISECOND;
        if (admitting != null) {
            next = Math.min(next, Math.max(kernel.nanos() + MIN_STEP, admitting.nextAdmissionNanos()));
        }
        schedulePass(next);
    }

    /**
     * Every kubelet syncs with its cluster; one left with work (a call its API server refused, a pod no node fits
     * yet) syncs again {@link #KUBELET_RETRY} later on its own, as a real kubelet retries, rather than at whenever the
     * scheduler next passes (an hour away when nothing it reads is moving). A retry that writes what the API first
     * refused wakes the scheduler, as a watch would show it the change only then.
     */
    private void syncKubelets() {
        long late = federation.writtenOnRetry();
        federation.syncKubelets();
        if (federation.writtenOnRetry() != late) {
            // a change the API refused at first (a pod failed with its node) is in the API only now: the scheduler
            // looks again as a watch would have it, instead of at its own wake-up up to an hour away
            wake();
        }
        if (!kubeletRetryDue && federation.kubeletsHaveWork()) {
            kubeletRetryDue = true;
            kernel.schedule(kernel.nanos() + KUBELET_RETRY, () -> {
                kubeletRetryDue = false;
                syncKubelets();
            });
        }
    }

    /** An operator pauses ({@code +1}) or resumes ({@code -1}); overlapping pauses end with the last. */
    private void pause(int change) {
        pausesOn += change;
        AnsweredAtOnce.answer(plane.setPaused(pausesOn > 0), "a pause");
        wake();
    }

    // ---- the sessions follow the clusters ----

    private void onTask(TaskTransition t) {
        Integer i = ids.indexOf(t.jobId());
        if (i == null) {
            return;
        }
        if (t.from() == TaskState.RUNNING && t.to() != TaskState.RUNNING) {
            history.source(i, false, kernel.nanos());
            instances.ended(i, LeaseStatus.SOURCE);
        }
        if (t.to() == TaskState.RUNNING) {
            userStops.running(i);
            history.source(i, true, kernel.nanos());
            instances.started(i, LeaseStatus.SOURCE);
        }
        if (t.to().isTerminal()) {
            wake();
        }
    }

    private void onPod(PodChange c) {
        Integer i = ids.indexOf(c.sessionId());
        if (i == null) {
            return;
        }
        history.pod(i, c);
        if (c.to() == PodPhase.RUNNING) {
            userStops.running(i);
            instances.started(i, c.cluster());
        } else if (c.from() == PodPhase.RUNNING) {
            instances.ended(i, c.cluster());
        }
        wake();
    }

    /** The instance at {@code place} holds the session: a new container there restores and becomes usable. */
    private void bringUp(int i, String place) {
        boolean source = LeaseStatus.SOURCE.equals(place);
        sessions.get(i).startAfterMigration(generation -> {
            if (!source) {
                trackers.restored(i, generation);
            }
            ledger.up(i, source, kernel.nanos());
        });
    }

    private void goDown(int i, boolean source) {
        SimulatedSession s = sessions.get(i);
        boolean wasUp = s.up();
        long lost = s.stopForMigration();
        if (source && userStops.stoppedByUser(i)) {
            ledger.stoppedByUser(i);
        } else {
            ledger.down(i, source, kernel.nanos(), wasUp, lost);
        }
    }

    // ---- the end ----

    /** Samples the hour that ends now, for the run report (reads memory only; moves no simulated figure). */
    public void endOfHour() {
        history.endOfHour(federation, audit);
    }

    /** What the migration did over virtual time; each session's disruption is in it once {@link #outcome} ran. */
    public MigrationHistory history() {
        return history;
    }

    /** The figures at the horizon; windows still open end there. Call once, after the kernel ran to the horizon. */
    public MigrationOutcome outcome() {
        int migrated = 0;
        int failed = 0;
        boolean[] inFlight = new boolean[sessions.size()];
        MigrationOutcome.ClusterActivity activity = federation.activity();
        federation.calm(); // the harness's own reading is not subject to the workload's faults
        federation.awaitCaches();
        for (TargetCluster c : targets.clusters()) {
            for (TargetJob j : targets.jobs(c.name())) {
                MigrationState state = j.record().map(a -> a.state()).orElse(null);
                if (state == MigrationState.DONE) {
                    migrated++;
                } else if (state == MigrationState.FAILED) {
                    failed++;
                } else if (state != null && !state.terminal() && ids.indexOf(j.sessionId()) != null) {
                    inFlight[ids.indexOf(j.sessionId())] = true;
                }
            }
        }
        MigrationOutcome outcome = ledger.outcome(strategy.label(), migrated, failed, inFlight, startNanos, passes,
                kernel.nanos(), activity, audit.peaks(), instances.fencing(config.leases()));
        history.disruption(ledger.perSession());
        List<StillOnSource> onSource = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            if (ledger.onSource(i)) {
                onSource.add(StillOnSource.of(i, ids.id(i), plane.heldBecause(ids.id(i))));
            }
        }
        history.stillOnSource(onSource);
        return scheduler.withRestarts(outcome).withRecovery(recoveries.counts(),
                config.userStopsPerDay() > 0 ? Optional.of(userStops.counts()) : Optional.empty())
                .withStillOnSource(onSource);
    }

    /** Closes the clients and stops the mock servers. */
    @Override
    public void close() {
        federation.close();
    }
}
