package dev.ferry.sim.session;

import dev.ferry.des.Kernel;
import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.sim.fs.Distribution;
import dev.ferry.sim.fs.DistributionLayout;
import dev.ferry.sim.fs.JdkEventTranslator;
import dev.ferry.sim.fs.Observation;
import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.sim.fs.TraceFileSystem;
import dev.ferry.time.Timer;
import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.Tracker;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import dev.ferry.tracker.watch.WatchScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The session's container, one after another: a new one starts from the image, restores the
 * user's packages from the checkpoint on the home (the product's restore, on virtual time), then
 * runs the real tracker over its simulated environment until it is stopped. Each container is an
 * {@link #epoch()}: what was under way in an earlier one is dropped.
 */
final class Container {

    private final String sessionId;
    private final Kernel kernel;
    private final List<Distribution> image;
    private final boolean python;
    private final MemoryCheckpointStore home;
    private final ContainerRestore restore;
    private final SessionMetrics metrics;
    private final GroundTruth truth;
    /** Hears each checkpoint the running tracker writes (not those of its start-up). */
    private final Consumer<Checkpoint> onCheckpoint;
    /** What the tracker's watcher registers; each container's simulated watcher watches the same. */
    private final WatchScope scope;
    private final Observation observation;

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

    Container(String sessionId, Kernel kernel, List<Distribution> image, boolean python, MemoryCheckpointStore home,
              ContainerRestore restore, SessionMetrics metrics, GroundTruth truth,
              Consumer<Checkpoint> onCheckpoint, WatchScope scope) {
        this.sessionId = sessionId;
        this.kernel = kernel;
        this.image = image;
        this.python = python;
        this.home = home;
        this.restore = restore;
        this.metrics = metrics;
        this.truth = truth;
        this.onCheckpoint = onCheckpoint;
        this.scope = scope;
        this.observation = new JdkEventTranslator(0, scope).observation(kind());
    }

    private EnvironmentKind kind() {
        return python ? EnvironmentKind.PYTHON : EnvironmentKind.R;
    }

    /** Which events of a user's command the container's tracker can observe: those are materialized one by one. */
    Observation observation() {
        return observation;
    }

    boolean up() {
        return up;
    }

    boolean starting() {
        return starting != null;
    }

    int epoch() {
        return epoch;
    }

    /** Whether the tracker has every event it saw flushed into a checkpoint. */
    boolean flushed() {
        return tracker != null && !tracker.pending();
    }

    /** One file event of a user's command: the environment changes, and the tracker sees it if its watcher would. */
    void apply(TraceLine.FileEvent event, Map<String, String> contents) {
        metrics.eventMaterialized();
        files.apply(event);
        String content = contents.get(event.path() + "/DESCRIPTION");
        if (content != null) {
            tree.writeFile(event.path() + "/DESCRIPTION", content);
        }
        FsEvent seen = translator.translate(event);
        if (seen != null) {
            metrics.eventSeen();
            tracker.onEvent(seen);
        }
    }

    /** SIGTERM: the tracker writes what is due before the container stops. */
    void flush() {
        tracker.flushNow();
    }

    /** The container is gone: its tracker writes nothing more. */
    void stop() {
        tracker.stop();
        up = false;
        epoch++;
        tracker = null;
    }

    /** A container that is restoring is abandoned (its pod went away); nothing is told. */
    void abandonStart() {
        if (starting != null) {
            starting.cancel();
            starting = null;
            waiting.clear();
        }
    }

    /**
     * Brings the session up: a running container tells its tracker's generation at once, one still restoring tells
     * when it is done, and otherwise a new container starts. {@code onUsable} hears the checkpoint generation
     * restored, or -1 when the restore failed or there was nothing to restore from.
     */
    void bringUp(LongConsumer onUsable) {
        if (up) {
            onUsable.accept(tracker.generation());
        } else if (starting != null) {
            waiting.add(onUsable);
        } else {
            start(onUsable);
        }
    }

    /**
     * A new container from the image. With a checkpoint on the home, a Python container first runs the product's
     * restore, which takes virtual time; the container is usable, with its tracker started, when that is done. An R
     * library lives on the home (restore never touches it): it comes back as the checkpoint has it.
     */
    private void start(LongConsumer onUsable) {
        tree = new SimulatedEnvironment(python ? "/home/jovyan/.venv/lib/python3.11/site-packages" : "/home/rstudio/R/library");
        files = new TraceFileSystem(tree);
        translator = new JdkEventTranslator(0, scope);
        Map<String, Distribution> next = new LinkedHashMap<>();
        image.forEach(d -> next.put(d.key(), d));
        Optional<Checkpoint> checkpoint = home.load();
        if (checkpoint.isEmpty()) {
            truth.reset(materialized(next));
            becomeUsable(false, -1, onUsable);
            return;
        }
        if (!python) {
            next.keySet().removeIf(key -> !checkpoint.get().packages().contains(key));
            next.putAll(ContainerRestore.sized(checkpoint.get().packages(), truth.installed()));
            truth.reset(materialized(next));
            becomeUsable(false, checkpoint.get().generation(), onUsable);
            return;
        }
        ContainerRestore.Result result = restore.run(checkpoint.get(), tree, materialized(next), truth.installed(),
                home, kernel);
        metrics.restored(result.nanos(), result.succeeded(), result.notRestored());
        truth.reset(result.installed());
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
        tracker = new Tracker(kernel, kernel, List.of(new Scanner(tree, kind())),
                () -> new PipAwareDebouncer(DebounceSettings.DEFAULTS), home, new Tracker.Listener() {
                    @Override
                    public void checkpointWritten(Checkpoint checkpoint) {
                        if (!trackerStarting) {
                            onCheckpoint.accept(checkpoint);
                        }
                    }

                    @Override
                    public void warning(String message) {
                        throw new IllegalStateException("session " + sessionId + ": " + message);
                    }
                });
        trackerStarting = true;
        try {
            tracker.start(acceptCurrent);
        } catch (Exception e) {
            throw new IllegalStateException("session " + sessionId + ": the tracker refused the restored container: "
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
}
