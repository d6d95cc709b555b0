package dev.ferry.sim.session;

import dev.ferry.des.Kernel;
import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.sim.fs.Distribution;
import dev.ferry.sim.fs.DistributionLayout;
import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.sim.trace.JdkEventTranslator;
import dev.ferry.sim.trace.TraceFileSystem;
import dev.ferry.sim.trace.TraceLine;
import dev.ferry.sim.world.SessionProfile;
import dev.ferry.time.Timer;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.Tracker;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * One session on the kernel's virtual time: a container whose environment is changed by the
 * user's commands event by event, the real tracker watching it and checkpointing to the session's
 * persistent home, and restarts that throw the container away and restore from the checkpoint.
 *
 * <p>What it measures: at every command's exit (a quiescent point) whether the latest checkpoint
 * equals the user's set; the latency from the command's last file event to the checkpoint that
 * captures it; and, at each restart, packages the user had that the checkpoint lacks (lost).
 */
public final class SimulatedSession {

    /** Why a container stopped. */
    public enum Cause { USER, OOM, NODE_LOSS }

    private static final long RETRY_NANOS = 30_000_000_000L;

    private final SessionProfile profile;
    private final Kernel kernel;
    private final UserCommands commands;
    private final List<Distribution> image;
    private final ContainerRestore restore;
    private final boolean python;
    private final MemoryCheckpointStore home = new MemoryCheckpointStore();
    private final SessionMetrics metrics = new SessionMetrics();

    private Map<String, Distribution> installed = new LinkedHashMap<>();
    private SimulatedEnvironment tree;
    private TraceFileSystem files;
    private JdkEventTranslator translator;
    private Tracker tracker;
    private int epoch;
    private boolean up;
    private boolean trackerStarting;
    /** A container that is restoring: it becomes usable when this fires. */
    private Timer.Scheduled starting;
    private final List<LongConsumer> waiting = new ArrayList<>();
    /** A migration holds the container down: no restart brings it back, only {@link #startAfterMigration()}. */
    private boolean held;
    /** Commands in flight; several when the user runs pip in two notebooks at once. */
    private final List<Operation> running = new ArrayList<>();
    /** The user's set at the last quiescent point, and the last file event of the commands since. */
    private PackageSet quiescentTruth;
    private long groupLastEvent;
    private long pendingLastEvent = -1;
    private long lastCheckpointAt;
    private PackageSet pendingTruth;

    public SimulatedSession(SessionProfile profile, Kernel kernel, UserCommands commands, List<Distribution> image,
                            ContainerRestore restore) {
        this.profile = profile;
        this.kernel = kernel;
        this.commands = commands;
        this.image = image;
        this.restore = restore;
        this.python = profile.isJupyter();
        image.forEach(d -> installed.put(d.key(), d));
    }

    public SessionProfile profile() {
        return profile;
    }

    public SessionMetrics metrics() {
        return metrics;
    }

    /** Starts the first container at the current virtual time. */
    public void boot() {
        startContainer(generation -> { });
    }

    /**
     * The user starts a command now. While another runs, the user waits and tries again later,
     * except for the share of commands started in parallel (pip in two notebooks at once), which
     * run alongside as long as they touch other packages.
     */
    public void userCommand() {
        if (!up || (!running.isEmpty() && !commands.startsInParallel())) {
            defer(this::userCommand);
            return;
        }
        begin(commands.next(kernel.nanos(), installed, epoch), this::userCommand);
    }

    /** The image was updated: the user upgrades {@code count} distributions at once. */
    public void upgradeBurst(int count) {
        if (!up || !running.isEmpty()) {
            defer(() -> upgradeBurst(count));
            return;
        }
        begin(commands.upgrade(kernel.nanos(), installed, count, epoch), () -> upgradeBurst(count));
    }

    private void defer(Runnable retry) {
        metrics.deferredOperations++;
        kernel.schedule(kernel.nanos() + RETRY_NANOS, retry);
    }

    private void begin(Operation operation, Runnable retry) {
        if (operation == null) {
            return;
        }
        for (Operation other : running) {
            if (!java.util.Collections.disjoint(touched(operation), touched(other))) {
                defer(retry);
                return;
            }
        }
        if (running.isEmpty()) {
            if (pendingTruth != null) {
                metrics.missedCaptures++;
                pendingTruth = null;
            }
            quiescentTruth = truthOf(installed);
            groupLastEvent = Long.MIN_VALUE;
        }
        running.add(operation);
        if (!operation.events().isEmpty()) {
            kernel.schedule(operation.events().get(0).t(), () -> step(operation, 0));
        }
        kernel.schedule(operation.exit(), () -> finish(operation));
    }

    private void step(Operation operation, int index) {
        if (operation.epoch() != epoch || !up) {
            return;
        }
        TraceLine.FileEvent event = operation.events().get(index);
        files.apply(event);
        String content = operation.contents().get(event.path() + "/DESCRIPTION");
        if (content != null) {
            tree.writeFile(event.path() + "/DESCRIPTION", content);
        }
        FsEvent seen = translator.translate(event);
        if (seen != null) {
            metrics.visibleEvents++;
            tracker.onEvent(seen);
        }
        if (index + 1 < operation.events().size()) {
            kernel.schedule(operation.events().get(index + 1).t(), () -> step(operation, index + 1));
        }
    }

    private void finish(Operation operation) {
        if (operation.epoch() != epoch || !running.remove(operation)) {
            return;
        }
        metrics.operations++;
        metrics.fileEvents += operation.fileEvents();
        groupLastEvent = Math.max(groupLastEvent, operation.lastEvent());
        Set<String> changed = touched(operation);
        if (!changed.isEmpty()) {
            metrics.stateChangingOperations++;
        }
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
        if (!running.isEmpty()) {
            return;
        }
        PackageSet truth = truthOf(installed);
        if (!truth.equals(quiescentTruth)) {
            pendingTruth = truth;
            pendingLastEvent = groupLastEvent;
        }
        metrics.quiescentPoints++;
        PackageSet checkpointed = home.load().map(Checkpoint::packages).orElse(PackageSet.EMPTY);
        if (checkpointed.equals(truth)) {
            metrics.exactPoints++;
            if (pendingTruth != null && pendingTruth.equals(truth)) {
                captured(lastCheckpointAt);
            }
        }
    }

    /** The packages a command changes: where its before and after differ. */
    private static Set<String> touched(Operation operation) {
        Set<String> keys = new HashSet<>();
        operation.before().forEach((key, dist) -> {
            if (!dist.equals(operation.after().get(key))) {
                keys.add(key);
            }
        });
        operation.after().forEach((key, dist) -> {
            if (!dist.equals(operation.before().get(key))) {
                keys.add(key);
            }
        });
        return keys;
    }

    private void captured(long checkpointAt) {
        metrics.latency(Math.max(0, checkpointAt - pendingLastEvent) / 1e6);
        pendingTruth = null;
    }

    /** The container stops now, for {@code cause}; a new one starts after {@code downtimeNanos}. */
    public void restart(Cause cause, long downtimeNanos) {
        if (!up) {
            return;
        }
        switch (cause) {
            case USER -> {
                metrics.userRestarts++;
                tracker.flushNow();
            }
            case OOM -> metrics.oomKills++;
            case NODE_LOSS -> metrics.nodeLosses++;
        }
        stopContainer();
        kernel.schedule(kernel.nanos() + downtimeNanos, () -> {
            if (!up && !held && starting == null) {
                startContainer(generation -> { });
            }
        });
    }

    /**
     * The container goes down now and stays down (a migration stopped it on the source): SIGTERM, so the tracker
     * flushes first, as at a user restart. Returns the packages lost (the user had them, the checkpoint lacks them).
     */
    public int stopForMigration() {
        held = true;
        if (starting != null) {
            starting.cancel();
            starting = null;
            waiting.clear();
        }
        if (!up) {
            return 0;
        }
        tracker.flushNow();
        long before = metrics.lostPackages;
        stopContainer();
        return (int) (metrics.lostPackages - before);
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
        if (up) {
            onUsable.accept(tracker.generation());
        } else if (starting != null) {
            waiting.add(onUsable);
        } else {
            startContainer(onUsable);
        }
    }

    /** The latest checkpoint on the session's home, if any. */
    public java.util.Optional<Checkpoint> latestCheckpoint() {
        return home.load();
    }

    /** Whether a user command (an install) is running now. */
    public boolean installInProgress() {
        return !running.isEmpty();
    }

    /** Whether the container runs and its tracker has flushed every event it saw: the checkpoint is current now. */
    public boolean checkpointCurrent() {
        return up && running.isEmpty() && tracker != null && !tracker.pending();
    }

    /** Stops the tracker and the container; counts lost packages. */
    private void stopContainer() {
        tracker.stop();
        Map<String, Distribution> mustHave = new LinkedHashMap<>(installed);
        for (Operation interrupted : running) {
            metrics.interruptedOperations++;
            mustHave.keySet().removeAll(touched(interrupted));
        }
        PackageSet checkpointed = home.load().map(Checkpoint::packages).orElse(PackageSet.EMPTY);
        for (Distribution d : mustHave.values()) {
            if (!d.version().equals(checkpointed.version(d.key()))) {
                metrics.lostPackages++;
            }
        }
        running.clear();
        pendingTruth = null;
        up = false;
        epoch++;
        tracker = null;
    }

    /**
     * A new container from the image. With a checkpoint on the home, a Python container first runs the product's
     * restore, which takes virtual time; the container is usable, with its tracker started, when that is done. An R
     * library lives on the home (restore never touches it): it comes back as the checkpoint has it.
     */
    private void startContainer(LongConsumer onUsable) {
        tree = new SimulatedEnvironment(python ? "/home/jovyan/.venv/lib/python3.11/site-packages" : "/home/rstudio/R/library");
        files = new TraceFileSystem(tree);
        translator = new JdkEventTranslator(0);
        Map<String, Distribution> next = new LinkedHashMap<>();
        image.forEach(d -> next.put(d.key(), d));
        java.util.Optional<Checkpoint> checkpoint = home.load();
        if (checkpoint.isEmpty()) {
            installed = materialized(next);
            becomeUsable(false, -1, onUsable);
            return;
        }
        if (!python) {
            next.keySet().removeIf(key -> !checkpoint.get().packages().contains(key));
            next.putAll(ContainerRestore.sized(checkpoint.get().packages(), installed));
            installed = materialized(next);
            becomeUsable(false, checkpoint.get().generation(), onUsable);
            return;
        }
        ContainerRestore.Result result = restore.run(checkpoint.get(), tree, materialized(next), installed, home, kernel);
        metrics.restored(result.nanos(), result.succeeded(), result.notRestored());
        installed = result.installed();
        long restoredFrom = result.succeeded() ? checkpoint.get().generation() : -1;
        starting = kernel.schedule(kernel.nanos() + result.nanos(), () -> {
            starting = null;
            becomeUsable(!result.succeeded(), restoredFrom, onUsable);
        });
    }

    private Map<String, Distribution> materialized(Map<String, Distribution> distributions) {
        distributions.values().forEach(d -> DistributionLayout.write(tree, d, python));
        return distributions;
    }

    /**
     * The tracker starts on the container, which is usable from now. After a failed restore it starts as
     * {@code --accept-current} would: the packages not restored are missing, and the checkpoint says so.
     */
    private void becomeUsable(boolean acceptCurrent, long restoredFrom, LongConsumer onUsable) {
        tracker = new Tracker(kernel, kernel, List.of(new Scanner(tree, python ? EnvironmentKind.PYTHON : EnvironmentKind.R)),
                () -> new PipAwareDebouncer(DebounceSettings.DEFAULTS), home, new Tracker.Listener() {
                    @Override
                    public void checkpointWritten(Checkpoint checkpoint) {
                        onCheckpoint(checkpoint);
                    }

                    @Override
                    public void warning(String message) {
                        throw new IllegalStateException("session " + profile.id() + ": " + message);
                    }
                });
        trackerStarting = true;
        try {
            tracker.start(acceptCurrent);
        } catch (Exception e) {
            throw new IllegalStateException("session " + profile.id() + ": the tracker refused the restored container: "
                    + e.getMessage(), e);
        }
        trackerStarting = false;
        epoch++;
        up = true;
        onUsable.accept(restoredFrom);
        List<LongConsumer> also = List.copyOf(waiting);
        waiting.clear();
        also.forEach(w -> w.accept(restoredFrom));
    }

    private void onCheckpoint(Checkpoint checkpoint) {
        if (trackerStarting) {
            return;
        }
        metrics.checkpoints++;
        lastCheckpointAt = kernel.nanos();
        if (pendingTruth != null && running.isEmpty() && checkpoint.packages().equals(pendingTruth)) {
            captured(lastCheckpointAt);
        }
    }

    private static PackageSet truthOf(Map<String, Distribution> set) {
        TreeMap<String, String> versions = new TreeMap<>();
        set.values().forEach(d -> versions.put(d.key(), d.version()));
        return PackageSet.of(versions);
    }

    /** Whether the session's container is running. */
    public boolean up() {
        return up;
    }
}
