package dev.ferry.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.PythonFixtures;
import dev.ferry.testing.PythonFixtures.Venv;
import dev.ferry.time.EventLoop;
import dev.ferry.time.SystemClock;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.scan.DiskEnvironmentView;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import dev.ferry.tracker.watch.JdkWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker wired as {@code ferry track} wires it (system clock, event loop, inotify watcher,
 * pip-aware debouncer, checkpoint file), on a real venv that real pip commands change. Exactness
 * at quiescence, measured: one second after each pip command exits, the checkpoint on disk says
 * exactly what {@code pip list} says.
 */
@DisplayName("Tracking a real venv: one second after each pip command, the checkpoint equals pip list")
class LiveTrackingTest {

    /** How long after pip exits the checkpoint must be exact. */
    private static final long QUIESCENCE_MILLIS = 1000;

    @TempDir
    Path tmp;

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private EventLoop loop;
    private Thread loopThread;
    private Thread watcherThread;
    private JdkWatcher watcher;
    private Tracker tracker;

    @BeforeAll
    static void needsPython() {
        PythonFixtures.require();
    }

    @Test
    @DisplayName("install two wheels, uninstall one, install one with a dependency, upgrade one")
    void checkpointFollowsPip() throws Exception {
        // given a venv and wheels, and a tracker started on it (generation 1: the venv as made)
        Venv venv = PythonFixtures.venv(tmp.resolve("venv"));
        Path wheels = tmp.resolve("wheels");
        PythonFixtures.buildWheel(wheels, "alpha", "1.0", 20);
        PythonFixtures.buildWheel(wheels, "beta", "1.0", 3);
        PythonFixtures.buildWheel(wheels, "beta", "2.0", 3);
        PythonFixtures.buildWheel(wheels, "gamma", "1.0", 5, "delta>=1.0");
        PythonFixtures.buildWheel(wheels, "delta", "1.0", 1);
        FileCheckpointStore store = new FileCheckpointStore(tmp.resolve("home/.ferry/checkpoint"), warnings::add);
        startTracking(venv.purelib(), store);
        assertEquals(1, tracker.generation());
        String links = wheels.toString();

        // when pip runs, then one second after each command the checkpoint is exact
        long generation = 1;
        generation = stepIsExact(venv, store, generation, "install", "--no-index", "--find-links", links, "alpha",
                "beta==1.0");
        generation = stepIsExact(venv, store, generation, "uninstall", "-y", "alpha");
        generation = stepIsExact(venv, store, generation, "install", "--no-index", "--find-links", links, "gamma");
        stepIsExact(venv, store, generation, "install", "--no-index", "--find-links", links, "beta==2.0");
        assertEquals(List.of(), warnings);
    }

    /** Runs one pip command, waits, and checks the checkpoint file; returns its generation. */
    private long stepIsExact(Venv venv, FileCheckpointStore store, long before, String... pipArgs) throws Exception {
        String step = "after 'pip " + String.join(" ", pipArgs) + "'";
        PythonFixtures.pip(venv.python(), pipArgs).orThrow();
        Thread.sleep(QUIESCENCE_MILLIS);
        Map<String, String> pipList = PythonFixtures.pipList(venv.python());
        Checkpoint checkpoint = store.loadExact().orElseThrow();
        assertEquals(pipList, new TreeMap<>(checkpoint.packages().asMap()), step + ": the checkpoint is not exact");
        assertTrue(checkpoint.generation() > before, step + ": no new generation was written");
        return checkpoint.generation();
    }

    private void startTracking(Path purelib, FileCheckpointStore store) throws Exception {
        SystemClock clock = new SystemClock();
        loop = new EventLoop(clock);
        Scanner scanner = new Scanner(new DiskEnvironmentView(purelib), EnvironmentKind.PYTHON);
        tracker = new Tracker(clock, loop, List.of(scanner), () -> new PipAwareDebouncer(DebounceSettings.DEFAULTS),
                store, new Tracker.Listener() {
                    @Override
                    public void checkpointWritten(Checkpoint checkpoint) {
                    }

                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }
                });
        watcher = new JdkWatcher(List.of(purelib));
        tracker.start(false);
        loopThread = new Thread(loop::run, "test-event-loop");
        loopThread.start();
        JdkWatcher polled = watcher;
        Tracker tracked = tracker;
        watcherThread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    List<FsEvent> events = polled.poll(100);
                    if (!events.isEmpty()) {
                        loop.execute(() -> events.forEach(tracked::onEvent));
                    }
                }
            } catch (IOException e) {
                warnings.add("watcher stopped: " + e);
            }
        }, "test-watcher");
        watcherThread.start();
    }

    @AfterEach
    void stopTracking() throws Exception {
        if (watcherThread != null) {
            watcherThread.interrupt();
            watcherThread.join(5000);
        }
        if (loopThread != null) {
            Tracker tracked = tracker;
            loop.execute(() -> {
                tracked.flushNow();
                loop.stop();
            });
            loopThread.join(5000);
        }
        if (watcher != null) {
            watcher.close();
        }
        assertTrue(watcherThread == null || !watcherThread.isAlive(), "the watcher thread did not stop");
        assertTrue(loopThread == null || !loopThread.isAlive(), "the event loop did not stop");
    }
}
