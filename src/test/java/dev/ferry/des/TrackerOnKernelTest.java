package dev.ferry.des;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.tracker.Tracker;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real tracker, unchanged, on the kernel's virtual time: file events arrive as kernel events,
 * the tracker arms, re-arms and cancels its timer on the kernel, and checkpoints carry virtual
 * wall-clock stamps. The numbers follow from {@link DebounceSettings#DEFAULTS}: settle 50 ms after
 * a finished requested install, hold 500 ms after a dependency.
 */
class TrackerOnKernelTest {

    private static final long MS = 1_000_000L;
    private static final long EPOCH_MILLIS = 1_795_000_000_000L;

    private final Kernel kernel = new Kernel(EPOCH_MILLIS);
    private final SimulatedEnvironment env = new SimulatedEnvironment("/venv/site-packages");
    private final List<Checkpoint> written = new ArrayList<>();
    private final Tracker tracker = new Tracker(kernel, kernel, List.of(new Scanner(env, EnvironmentKind.PYTHON)),
            () -> new PipAwareDebouncer(DebounceSettings.DEFAULTS), new MemoryCheckpointStore(), new Tracker.Listener() {
                @Override
                public void checkpointWritten(Checkpoint checkpoint) {
                    written.add(checkpoint);
                }

                @Override
                public void warning(String message) {
                    throw new AssertionError("unexpected warning: " + message);
                }
            });

    /**
     * Schedules one pip install as kernel events, 1 ms apart from {@code startMs}: the dist-info
     * folder, INSTALLER, REQUESTED (only if {@code requested}) and the final RECORD. Returns the
     * time of the final RECORD in ms.
     */
    private long install(long startMs, String name, String version, boolean requested) {
        String info = name + "-" + version + ".dist-info";
        long t = startMs;
        kernel.schedule(t * MS, () -> {
            env.writeFile(info + "/METADATA", "Name: " + name + "\nVersion: " + version + "\n");
            tracker.onEvent(FsEvent.top(0, FsEvent.Kind.CREATED, info));
        });
        t++;
        kernel.schedule(t * MS, () -> tracker.onEvent(FsEvent.child(0, FsEvent.Kind.CREATED, info, "INSTALLER")));
        if (requested) {
            t++;
            kernel.schedule(t * MS, () -> tracker.onEvent(FsEvent.child(0, FsEvent.Kind.CREATED, info, "REQUESTED")));
        }
        t++;
        kernel.schedule(t * MS, () -> {
            env.writeFile(info + "/RECORD", "");
            tracker.onEvent(FsEvent.child(0, FsEvent.Kind.CREATED, info, "RECORD"));
        });
        return t;
    }

    @Test
    @DisplayName("an install spread over 3 ms is checkpointed once, 50 ms after its final RECORD, stamped in virtual time")
    void oneInstallOneCheckpoint() throws Exception {
        tracker.start(false);
        long recordMs = install(1000, "numpy", "2.4.6", true);
        kernel.run();
        assertThat(recordMs).isEqualTo(1003);
        assertThat(written).hasSize(2);
        Checkpoint checkpoint = written.get(1);
        assertThat(checkpoint.generation()).isEqualTo(2);
        assertThat(checkpoint.packages().asMap()).containsEntry("numpy", "2.4.6");
        assertThat(checkpoint.writtenAtEpochMillis()).isEqualTo(EPOCH_MILLIS + 1053);
        assertThat(kernel.nanos()).as("the flush was the last event").isEqualTo(1053 * MS);
        assertThat(kernel.pending()).as("no timer left behind").isZero();
    }

    @Test
    @DisplayName("a dependency holds the checkpoint; the requested install that follows re-arms the timer earlier")
    void dependencyThenRequested() throws Exception {
        tracker.start(false);
        install(1000, "urllib3", "2.5.0", false); // final RECORD at 1002 ms: held until 1502 ms
        long recordMs = install(1200, "requests", "2.32.5", true); // final RECORD at 1203 ms
        kernel.runUntil(1_250 * MS);
        assertThat(written).hasSize(1);
        kernel.run();
        assertThat(written).hasSize(2);
        assertThat(written.get(1).packages().asMap()).containsEntry("urllib3", "2.5.0")
                .containsEntry("requests", "2.32.5");
        assertThat(written.get(1).writtenAtEpochMillis()).isEqualTo(EPOCH_MILLIS + recordMs + 50);
        assertThat(kernel.pending()).as("the timer armed for the dependency hold was cancelled").isZero();
    }

    @Test
    @DisplayName("a storm of file events every 0.1 ms for a second keeps one tracker timer, firing every 50 ms")
    void stormCostsNoTimerChurn() throws Exception {
        tracker.start(false);
        int storm = 10_000;
        int[] maxTimers = {0};
        for (int i = 0; i < storm; i++) {
            int remaining = storm - i - 1;
            kernel.schedule(i * MS / 10, () -> {
                tracker.onEvent(FsEvent.top(0, FsEvent.Kind.MODIFIED, "easy-install.pth"));
                maxTimers[0] = Math.max(maxTimers[0], kernel.pending() - remaining);
            });
        }
        kernel.run();
        // The timer fires at 50, 100, ..., 1000 ms, finds the deadline moved on (50 ms after the
        // latest event) and re-arms; the last one, 50 ms after the event at 999.9 ms, flushes.
        assertThat(maxTimers[0]).isEqualTo(1);
        assertThat(kernel.eventsProcessed() - storm).as("timer firings").isEqualTo(21);
        assertThat(kernel.nanos()).isEqualTo((storm - 1) * MS / 10 + 50 * MS);
        assertThat(written).as("nothing changed, nothing written").hasSize(1);
        assertThat(kernel.pending()).isZero();
    }
}
