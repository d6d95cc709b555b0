package dev.ferry.sim.run;

import dev.ferry.des.Kernel;
import dev.ferry.model.RestartModel;
import dev.ferry.sim.fs.Distribution;
import dev.ferry.sim.migration.MigrationHistory;
import dev.ferry.sim.migration.MigrationOutcome;
import dev.ferry.sim.migration.MigrationWorld;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.session.ContainerRestore;
import dev.ferry.sim.session.SimulatedSession.Cause;
import dev.ferry.sim.session.SimulatedSession;
import dev.ferry.sim.session.UserCommands;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.world.ActivitySchedule;
import dev.ferry.sim.world.Catalog;
import dev.ferry.sim.world.SessionProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs one workload with one seed: every session, its user's commands, the pip storm and the
 * restarts are laid out on a single kernel before the first event, then the kernel runs to the
 * horizon. Everything random flows from the seed in a fixed order, so a seed gives the same run.
 */
public final class Simulation {

    private static final long HOUR = VirtualTime.HOUR;
    private static final long DAY = VirtualTime.DAY;
    private static final int IMAGE_FILES_EACH = 20;

    private final Workload workload;
    private final long seed;
    private final Kernel kernel;
    private final List<SimulatedSession> sessions = new ArrayList<>();
    private final List<ActivitySchedule> schedules = new ArrayList<>();
    private final UniformRandomProvider faults;

    private final Strategy strategy;
    private MigrationOutcome migration;
    private MigrationHistory history;

    public Simulation(Workload workload, long seed) {
        this(workload, seed, null);
    }

    /**
     * @param strategy overrides the workload's migration strategy; null keeps it. Without a {@code migration:}
     *                 section nothing migrates and the run is the same as without one.
     */
    public Simulation(Workload workload, long seed, Strategy strategy) {
        this.strategy = workload.migration() == null ? null
                : strategy != null ? strategy : workload.migration().strategy();
        this.workload = workload;
        this.seed = seed;
        this.kernel = new Kernel(workload.start().toEpochMilli());
        this.faults = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x5eed_fa17L});
        build();
    }

    private void build() {
        SplittableRandom master = new SplittableRandom(seed);
        var population = workload.population();
        Catalog catalog = new Catalog(population.catalogSize(), "pkg");
        List<Distribution> pythonImage = catalog.image(population.imagePythonDistributions(), IMAGE_FILES_EACH);
        List<Distribution> rImage = catalog.image(population.imageRPackages(), IMAGE_FILES_EACH);
        long horizon = workload.horizonNanos();
        for (int id = 0; id < workload.sessions(); id++) {
            SplittableRandom random = master.split();
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {random.nextLong(), random.nextLong()});
            SessionProfile profile = SessionProfile.draw(id, population, workload.restarts().sessionsPerNode(), rng);
            var commands = new UserCommands(workload.pip(), workload.activity().parallelCommandShare(), catalog,
                    profile.isJupyter(), random, rng);
            SimulatedSession session = new SimulatedSession(profile, kernel, commands,
                    profile.isJupyter() ? pythonImage : rImage, new ContainerRestore(workload.pip().timing(),
                            workload.pip().unavailableAtRestore(), restoreRandom(id)));
            ActivitySchedule schedule = ActivitySchedule.generate(workload.activity(), workload.start(), horizon, rng);
            sessions.add(session);
            schedules.add(schedule);
            kernel.schedule(0, session::boot);
            scheduleCommands(session, schedule, rng);
            scheduleStorm(session, rng);
            scheduleRestarts(session, rng, horizon);
        }
        scheduleNodeLosses(horizon);
    }

    /** Restores draw from a stream of their own, so that they leave every other draw of the run as it was. */
    private SplittableRandom restoreRandom(int id) {
        return new SplittableRandom(seed ^ 0x7e57_0e5e_5eedL ^ (id * 0x9E37_79B9_7F4A_7C15L));
    }

    private void scheduleCommands(SimulatedSession session, ActivitySchedule schedule, UniformRandomProvider rng) {
        double perNano = workload.pip().operationsPerActiveHour() / HOUR;
        for (int p = 0; p < schedule.periods(); p++) {
            long length = schedule.end(p) - schedule.start(p);
            double mean = perNano * length;
            int count = mean <= 0 ? 0 : PoissonSampler.of(rng, mean).sample();
            for (int k = 0; k < count; k++) {
                kernel.schedule(schedule.start(p) + (long) (rng.nextDouble() * length), session::userCommand);
            }
        }
    }

    private void scheduleStorm(SimulatedSession session, UniformRandomProvider rng) {
        Workload.Storm storm = workload.storm();
        if (storm == null || rng.nextDouble() >= storm.share()) {
            return;
        }
        long at = (long) (storm.atHour() * HOUR + rng.nextDouble() * storm.spreadMinutes() * 60e9);
        if (at < workload.horizonNanos()) {
            kernel.schedule(at, () -> session.upgradeBurst(storm.upgrades()));
        }
    }

    private void scheduleRestarts(SimulatedSession session, UniformRandomProvider rng, long horizon) {
        RestartModel restarts = workload.restarts();
        double days = (double) horizon / DAY;
        schedulePoisson(rng, restarts.userPerSessionDay() * days, horizon, () -> session.restart(Cause.USER, downtime()));
        schedulePoisson(rng, restarts.oomPerSessionDay() * days, horizon, () -> session.restart(Cause.OOM, downtime()));
    }

    private void scheduleNodeLosses(long horizon) {
        int perNode = workload.restarts().sessionsPerNode();
        int nodes = (sessions.size() + perNode - 1) / perNode;
        double days = (double) horizon / DAY;
        for (int node = 0; node < nodes; node++) {
            List<SimulatedSession> onNode = sessions.subList(node * perNode, Math.min(sessions.size(), (node + 1) * perNode));
            schedulePoisson(faults, workload.restarts().nodeLossPerNodeDay() * days, horizon, () -> {
                for (SimulatedSession s : onNode) {
                    s.restart(Cause.NODE_LOSS, downtime());
                }
            });
        }
    }

    private void schedulePoisson(UniformRandomProvider rng, double mean, long horizon, Runnable action) {
        int count = mean <= 0 ? 0 : PoissonSampler.of(rng, mean).sample();
        for (int k = 0; k < count; k++) {
            kernel.schedule((long) (rng.nextDouble() * horizon), action);
        }
    }

    private long downtime() {
        double[] range = workload.restarts().downtimeSeconds();
        return (long) ((range[0] + faults.nextDouble() * (range[1] - range[0])) * 1e9);
    }

    /** What the migration came to, after {@link #run}; null when the workload does not migrate. */
    public MigrationOutcome migration() {
        return migration;
    }

    /** What the migration did over virtual time, after {@link #run}; null when the workload does not migrate. */
    public MigrationHistory history() {
        return history;
    }

    /** Runs to the horizon, reporting progress (0 to 1) after every virtual hour. */
    public SimulationResult run(DoubleConsumer progress) {
        long horizon = workload.horizonNanos();
        MigrationWorld world = strategy == null ? null
                : new MigrationWorld(kernel, sessions, schedules, workload.migration(), strategy, seed,
                        workload.horizonNanos());
        try {
            for (long t = 0; t < horizon; ) {
                t = Math.min(horizon, t + HOUR);
                kernel.runUntil(t);
                if (world != null) {
                    world.endOfHour();
                }
                progress.accept((double) t / horizon);
            }
            if (world != null) {
                migration = world.outcome();
                history = world.history();
            }
        } finally {
            if (world != null) {
                world.close();
            }
        }
        return SimulationResult.of(workload, seed, sessions, schedules, kernel.eventsProcessed());
    }
}
