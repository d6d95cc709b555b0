package dev.ferry.tracker;

import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointStore;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import java.util.ArrayList;
import java.util.List;

/** A tracker on a manual clock over an in-memory environment, with what it wrote and warned kept for assertions. */
final class TrackerFixture {

    final ManualTime time = new ManualTime(0, 1_795_000_000_000L);
    final SimulatedEnvironment env = new SimulatedEnvironment("/venv/site-packages");
    final List<Checkpoint> written = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** Each install sign the tracker gave, with the time in ms it gave it. */
    final List<String> operations = new ArrayList<>();

    Tracker tracker(CheckpointStore store) {
        return tracker(store, new Tracker.Listener() {
            @Override
            public void checkpointWritten(Checkpoint checkpoint) {
            }

            @Override
            public void warning(String message) {
            }
        });
    }

    /** A tracker whose listener records, then tells {@code also}. */
    Tracker tracker(CheckpointStore store, Tracker.Listener also) {
        return new Tracker(time, time, List.of(new Scanner(env, EnvironmentKind.PYTHON)),
                () -> new PipAwareDebouncer(DebounceSettings.DEFAULTS), store, new Tracker.Listener() {
                    @Override
                    public void checkpointWritten(Checkpoint checkpoint) {
                        written.add(checkpoint);
                        also.checkpointWritten(checkpoint);
                    }

                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                        also.warning(message);
                    }

                    @Override
                    public void operationInProgress(boolean running) {
                        operations.add((running ? "running" : "done") + " at " + time.nanos() / 1_000_000L);
                        also.operationInProgress(running);
                    }
                });
    }

    /** What pip writes for one requested distribution, in its order (RECORD last), each event told to the tracker. */
    void install(Tracker tracker, String name, String version) {
        String info = name + "-" + version + ".dist-info";
        env.writeFile(info + "/METADATA", "Name: " + name + "\nVersion: " + version + "\n");
        tracker.onEvent(FsEvent.top(0, FsEvent.Kind.CREATED, info));
        env.writeFile(info + "/RECORD", "");
        tracker.onEvent(FsEvent.child(0, FsEvent.Kind.CREATED, info, "INSTALLER"));
        tracker.onEvent(FsEvent.child(0, FsEvent.Kind.CREATED, info, "REQUESTED"));
        tracker.onEvent(FsEvent.child(0, FsEvent.Kind.CREATED, info, "RECORD"));
    }
}
