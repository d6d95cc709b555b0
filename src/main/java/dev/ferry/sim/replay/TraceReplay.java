package dev.ferry.sim.replay;

import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.sim.fs.JdkEventTranslator;
import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.sim.fs.TraceFileSystem;
import dev.ferry.time.ManualTime;
import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.Tracker;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.debounce.Debouncer;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the real tracker over a recorded trace on virtual time: the file tree is rebuilt event by
 * event, the events the watcher would see are handed to the tracker at their recorded time, and
 * every checkpoint it writes is collected.
 */
public final class TraceReplay {

    private TraceReplay() {
    }

    /** Replays {@code trace} and returns the checkpoints written, the first one at tracker start. */
    public static List<ReplayCheckpoint> run(List<TraceLine> trace, Supplier<Debouncer> debouncers) {
        TraceLine.Marker begin = trace.stream()
                .filter(l -> l instanceof TraceLine.Marker m && m.op().equals("begin"))
                .map(l -> (TraceLine.Marker) l).findFirst().orElse(null);
        long start = begin != null ? begin.t() : trace.get(0).t();
        ManualTime time = new ManualTime(start, 0);
        SimulatedEnvironment tree = new SimulatedEnvironment("/trace/site-packages");
        TraceFileSystem files = new TraceFileSystem(tree);
        if (begin != null) {
            begin.installed().forEach(files::seed);
        }
        List<ReplayCheckpoint> written = new ArrayList<>();
        Tracker tracker = new Tracker(time, time, List.of(new Scanner(tree, EnvironmentKind.PYTHON)), debouncers,
                new MemoryCheckpointStore(), new Tracker.Listener() {
                    @Override
                    public void checkpointWritten(Checkpoint checkpoint) {
                        written.add(new ReplayCheckpoint(time.nanos(), checkpoint.packages()));
                    }

                    @Override
                    public void warning(String message) {
                        throw new IllegalStateException("replay: " + message);
                    }
                });
        try {
            tracker.start(false);
        } catch (Exception e) {
            throw new IllegalStateException("replay could not start the tracker", e);
        }
        JdkEventTranslator translator = new JdkEventTranslator(0);
        for (TraceLine line : trace) {
            if (!(line instanceof TraceLine.FileEvent event) || event.t() < start) {
                continue;
            }
            time.advanceTo(event.t());
            files.apply(event);
            FsEvent seen = translator.translate(event);
            if (seen != null) {
                tracker.onEvent(seen);
            }
        }
        time.runAll();
        return written;
    }
}
