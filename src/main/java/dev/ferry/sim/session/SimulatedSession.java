package dev.ferry.sim.session;

import dev.ferry.des.Kernel;
import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.sim.fs.Distribution;
import dev.ferry.sim.world.SessionProfile;
import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.watch.WatchScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * One session on the kernel's virtual time: the user's commands, which change the environment of
 * the session's {@link Container} event by event (several at once when the user runs pip in two
 * notebooks), restarts that throw the container away, and the migration's hold on it. What the
 * user really has and how well the checkpoints follow it is {@link GroundTruth}'s.
 */
public final class SimulatedSession {

    /** Why a container stopped. */
    public enum Cause { USER, OOM, NODE_LOSS }

    private static final long RETRY_NANOS = 30_000_000_000L;

    private final SessionProfile profile;
    private final Kernel kernel;
    private final UserCommands commands;
    private final MemoryCheckpointStore home = new MemoryCheckpointStore();
    private final SessionMetrics metrics = new SessionMetrics();
    private final SessionTimeline timeline = new SessionTimeline();
    private final GroundTruth truth = new GroundTruth(metrics);
    private final Container container;
    /** Commands in flight; several when the user runs pip in two notebooks at once. */
    private final List<Operation> running = new ArrayList<>();
    /** A migration holds the container down: no restart brings it back, only {@link #startAfterMigration}. */
    private boolean held;
    /** Told when {@link #latestCheckpoint()} or {@link #installInProgress()} may have changed. */
    private Runnable reportable = () -> { };

    public SimulatedSession(SessionProfile profile, Kernel kernel, UserCommands commands, List<Distribution> image,
                            ContainerRestore restore) {
        this(profile, kernel, commands, image, restore, WatchScope.DIST_INFO);
    }

    /** A session whose tracker's watcher registers what {@code scope} names (the tracker's own choice above). */
    public SimulatedSession(SessionProfile profile, Kernel kernel, UserCommands commands, List<Distribution> image,
                            ContainerRestore restore, WatchScope scope) {
        this.profile = profile;
        this.kernel = kernel;
        this.commands = commands;
        Map<String, Distribution> installed = new java.util.LinkedHashMap<>();
        image.forEach(d -> installed.put(d.key(), d));
        truth.reset(installed);
        this.container = new Container(String.valueOf(profile.id()), kernel, image, profile.isJupyter(), home, restore, metrics, truth,
                checkpoint -> {
                    truth.checkpointWritten(checkpoint, kernel.nanos(), running.isEmpty());
                    timeline.record(SessionTimeline.Kind.CHECKPOINT, kernel.nanos());
                }, scope);
    }

    public SessionProfile profile() {
        return profile;
    }

    /**
     * Runs {@code listener} whenever the latest checkpoint is written or a user command starts or ends, so that a
     * reader of {@link #latestCheckpoint()} and {@link #installInProgress()} need not ask every session at every
     * instant (one listener; a later call replaces it).
     */
    public void onReportable(Runnable listener) {
        reportable = Objects.requireNonNull(listener, "listener");
        home.onWrite(listener);
    }

    public SessionMetrics metrics() {
        return metrics;
    }

    /** What happened to the session so far, mark by mark. */
    public SessionTimeline timeline() {
        return timeline;
    }

    /** Starts the first container at the current virtual time. */
    public void boot() {
        container.bringUp(generation -> usable());
    }

    /**
     * The user starts a command now. While another runs, the user waits and tries again later,
     * except for the share of commands started in parallel (pip in two notebooks at once), which
     * run alongside as long as they touch other packages.
     */
    public void userCommand() {
        if (!container.up() || (!running.isEmpty() && !commands.startsInParallel())) {
            defer(this::userCommand);
            return;
        }
        begin(commands.next(kernel.nanos(), truth.installed(), container.epoch(), container.observation()), this::userCommand);
    }

    /** The image was updated: the user upgrades {@code count} distributions at once. */
    public void upgradeBurst(int count) {
        if (!container.up() || !running.isEmpty()) {
            defer(() -> upgradeBurst(count));
            return;
        }
        begin(commands.upgrade(kernel.nanos(), truth.installed(), count, container.epoch(), container.observation()),
                () -> upgradeBurst(count));
    }

    private void defer(Runnable retry) {
        metrics.operationDeferred();
        kernel.schedule(kernel.nanos() + RETRY_NANOS, retry);
    }

    private void begin(Operation operation, Runnable retry) {
        if (operation == null) {
            return;
        }
        for (Operation other : running) {
            if (!Collections.disjoint(touched(operation), touched(other))) {
                defer(retry);
                return;
            }
        }
        if (running.isEmpty()) {
            truth.groupStarted();
        }
        running.add(operation);
        reportable.run();
        if (!operation.events().isEmpty()) {
            kernel.schedule(operation.events().get(0).t(), () -> step(operation, 0));
        }
        kernel.schedule(operation.exit(), () -> finish(operation));
    }

    private void step(Operation operation, int index) {
        if (operation.epoch() != container.epoch() || !container.up()) {
            return;
        }
        TraceLine.FileEvent event = operation.events().get(index);
        container.apply(event, operation.contents());
        if (index + 1 < operation.events().size()) {
            kernel.schedule(operation.events().get(index + 1).t(), () -> step(operation, index + 1));
        }
    }

    private void finish(Operation operation) {
        if (operation.epoch() != container.epoch() || !running.remove(operation)) {
            return;
        }
        reportable.run();
        Set<String> changed = touched(operation);
        timeline.record(changed.isEmpty() ? SessionTimeline.Kind.COMMAND_UNCHANGED : SessionTimeline.Kind.COMMAND,
                operation.start(), kernel.nanos());
        metrics.operationFinished(operation.fileEvents(), !changed.isEmpty());
        truth.applied(operation, changed);
        if (running.isEmpty()) {
            truth.quiescent(checkpointed());
        }
    }

    /** The packages a command changes: where its before and after differ. */
    private static Set<String> touched(Operation operation) {
        return operation.touched();
    }

    private PackageSet checkpointed() {
        return home.load().map(Checkpoint::packages).orElse(PackageSet.EMPTY);
    }

    /** The container stops now, for {@code cause}; a new one starts after {@code downtimeNanos}. */
    public void restart(Cause cause, long downtimeNanos) {
        if (!container.up()) {
            return;
        }
        metrics.stopped(cause);
        timeline.record(switch (cause) {
            case USER -> SessionTimeline.Kind.STOP_USER;
            case OOM -> SessionTimeline.Kind.STOP_OOM;
            case NODE_LOSS -> SessionTimeline.Kind.STOP_NODE_LOSS;
        }, kernel.nanos());
        if (cause == Cause.USER) {
            container.flush();
        }
        stopContainer();
        kernel.schedule(kernel.nanos() + downtimeNanos, () -> {
            if (!container.up() && !held && !container.starting()) {
                container.bringUp(generation -> usable());
            }
        });
    }

    /**
     * The container goes down now and stays down (a migration stopped it on the source): SIGTERM, so the tracker
     * flushes first, as at a user restart. Returns the packages lost (the user had them, the checkpoint lacks them).
     */
    public int stopForMigration() {
        held = true;
        container.abandonStart();
        if (!container.up()) {
            return 0;
        }
        container.flush();
        timeline.record(SessionTimeline.Kind.STOP_MIGRATION, kernel.nanos());
        long before = metrics.lostPackages();
        stopContainer();
        return (int) (metrics.lostPackages() - before);
    }

    /**
     * A new container starts now where the migration put the session (the target's pod, or the source again after a
     * rollback) and restores from the latest checkpoint. When the restore is done and the session usable,
     * {@code onUsable} hears the checkpoint generation restored, or -1 when the restore failed or had nothing to
     * restore from. A container already up tells its tracker's generation at once; one still restoring tells when
     * it is done.
     */
    public void startAfterMigration(LongConsumer onUsable) {
        held = false;
        container.bringUp(generation -> {
            usable();
            onUsable.accept(generation);
        });
    }

    private void usable() {
        timeline.record(SessionTimeline.Kind.USABLE, kernel.nanos());
    }

    /** The latest checkpoint on the session's home, if any. */
    public Optional<Checkpoint> latestCheckpoint() {
        return home.load();
    }

    /** Whether a user command (an install) is running now. */
    public boolean installInProgress() {
        return !running.isEmpty();
    }

    /** Whether the container runs and its tracker has flushed every event it saw: the checkpoint is current now. */
    public boolean checkpointCurrent() {
        return container.up() && running.isEmpty() && container.flushed();
    }

    /** Stops the container; the commands it was running are interrupted, and the packages the checkpoint lacks lost. */
    private void stopContainer() {
        container.stop();
        for (Operation o : running) {
            timeline.record(SessionTimeline.Kind.COMMAND_INTERRUPTED, o.start(), kernel.nanos());
        }
        truth.stopped(running.stream().map(SimulatedSession::touched).toList(), checkpointed());
        running.clear();
        reportable.run();
    }

    /** Whether the session's container is running. */
    public boolean up() {
        return container.up();
    }
}
