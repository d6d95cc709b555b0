package dev.ferry.tracker;

import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointException;
import dev.ferry.tracker.checkpoint.CheckpointStore;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.debounce.Debouncer;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tracker of one session: events in, checkpoints out. Each environment has its own debouncer
 * and scanner; when a debouncer's deadline comes the environment is scanned, and if anything
 * changed a new checkpoint generation covering all environments is written.
 *
 * <p>All entry points must be called on the timer's thread of control; the tracker keeps one
 * pending timer and re-arms it when it fires early, so a storm of events costs no timer churn.
 */
public final class Tracker {

    /** What the tracker tells the world. */
    public interface Listener {
        void checkpointWritten(Checkpoint checkpoint);

        void warning(String message);

        /**
         * A package operation began ({@code true}: a debouncer saw an open distribution, a stash or a lock), or the
         * checkpoint that follows it landed with no such sign left ({@code false}). Said once per change.
         */
        default void operationInProgress(boolean running) {
        }
    }

    /** How long to wait before retrying a checkpoint that could not be written. */
    private static final long WRITE_RETRY_NANOS = 1_000_000_000L;

    private final Clock clock;
    private final Timer timer;
    private final List<Scanner> scanners;
    private final List<Debouncer> debouncers = new ArrayList<>();
    private final CheckpointStore store;
    private final Listener listener;

    private final List<EnvironmentState> states = new ArrayList<>();
    private long generation;
    private boolean started;
    private boolean stopped;
    private boolean writePending;
    private final WriteFailures failures;
    private boolean operationReported;
    private Timer.Scheduled armed;
    private long armedAt = Debouncer.NONE;
    private final boolean[] unreadable;

    public Tracker(Clock clock, Timer timer, List<Scanner> scanners, Supplier<Debouncer> debouncerFactory,
                   CheckpointStore store, Listener listener) {
        if (scanners.isEmpty()) {
            throw new IllegalArgumentException("a tracker needs at least one environment");
        }
        this.clock = clock;
        this.timer = timer;
        this.scanners = List.copyOf(scanners);
        for (int i = 0; i < scanners.size(); i++) {
            debouncers.add(debouncerFactory.get());
        }
        this.store = store;
        this.listener = listener;
        this.unreadable = new boolean[scanners.size()];
        this.failures = new WriteFailures(listener::warning);
    }

    /**
     * Reads the existing checkpoint and scans every environment. With no checkpoint, what is
     * installed now becomes the baseline and generation 1 is written. With one, the environments
     * must still match it, unless {@code acceptCurrent}, which writes them as they are now.
     */
    public void start(boolean acceptCurrent) throws IOException, CheckpointException, TrackerConflictException {
        Optional<Checkpoint> existing = store.load();
        List<PackageSet> now = new ArrayList<>();
        for (Scanner scanner : scanners) {
            now.add(scanner.scan());
        }
        if (existing.isEmpty()) {
            for (int i = 0; i < scanners.size(); i++) {
                Scanner s = scanners.get(i);
                states.add(new EnvironmentState(s.view().location(), s.kind(), now.get(i), now.get(i)));
            }
            generation = 0;
            writeCheckpoint();
        } else {
            adopt(existing.get(), now, acceptCurrent);
        }
        started = true;
    }

    private void adopt(Checkpoint checkpoint, List<PackageSet> now, boolean acceptCurrent)
            throws TrackerConflictException, IOException {
        List<EnvironmentState> prior = EnvironmentMatcher.match(checkpoint, scanners);
        boolean moved = false;
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < scanners.size(); i++) {
            EnvironmentState before = prior.get(i);
            Scanner s = scanners.get(i);
            moved |= !before.location().equals(s.view().location());
            if (!before.current().equals(now.get(i))) {
                conflicts.add(s.view().location() + " (" + PackageDiff.between(before.current(), now.get(i)).summary()
                        + " since the checkpoint)");
            }
            states.add(new EnvironmentState(s.view().location(), s.kind(), before.baseline(),
                    acceptCurrent ? now.get(i) : before.current()));
        }
        generation = checkpoint.generation();
        if (!conflicts.isEmpty() && !acceptCurrent) {
            throw new TrackerConflictException("the environment differs from checkpoint generation " + generation + ": "
                    + String.join("; ", conflicts), true);
        }
        if (moved || !conflicts.isEmpty()) {
            writeCheckpoint();
        }
    }

    /** Takes one file event from the watcher. */
    public void onEvent(FsEvent event) {
        if (stopped) {
            return;
        }
        Scanner scanner = scanners.get(event.env());
        if (event.kind() == FsEvent.Kind.OVERFLOW) {
            scanner.invalidateAll();
        } else {
            scanner.invalidate(event.top());
        }
        Debouncer debouncer = debouncers.get(event.env());
        debouncer.onEvent(event, clock.nanos());
        if (!operationReported && debouncer.operationInProgress()) {
            operationReported = true;
            listener.operationInProgress(true);
        }
        arm();
    }

    /**
     * Snapshots every environment that has unflushed events, now, and writes the checkpoint anew
     * if the store lost it (deleted or damaged since); for an orderly shutdown.
     */
    public void flushNow() {
        if (started && !stopped && !store.holds(generation)) {
            writePending = true;
        }
        flush(Long.MAX_VALUE - 1);
    }

    /**
     * Whether the user's packages are not all protected: the newest state could not be written
     * and no write has succeeded since. A tracker that stops so must say so in its exit status.
     */
    public boolean unprotected() {
        return writePending;
    }

    /**
     * Stops the tracker: its pending timer is cancelled and it ignores whatever comes later, so a
     * tracker whose process is gone never writes again. Call {@link #flushNow()} first for an
     * orderly shutdown; a killed process gets no such chance.
     */
    public void stop() {
        stopped = true;
        if (armed != null) {
            armed.cancel();
            armed = null;
        }
    }

    /** The generation of the newest checkpoint written or adopted. */
    public long generation() {
        return generation;
    }

    /** Everything installed as of the newest checkpoint, first environment winning on a name. */
    public PackageSet packages() {
        return snapshot().packages();
    }

    /** Whether a snapshot is waiting for its debounce deadline. */
    public boolean pending() {
        return writePending || debouncers.stream().anyMatch(d -> d.deadline() != Debouncer.NONE);
    }

    private void arm() {
        if (stopped) {
            return;
        }
        long deadline = writePending ? clock.nanos() + WRITE_RETRY_NANOS : Debouncer.NONE;
        for (Debouncer d : debouncers) {
            deadline = Math.min(deadline, d.deadline());
        }
        if (deadline == Debouncer.NONE || (armed != null && armedAt <= deadline)) {
            return;
        }
        if (armed != null) {
            armed.cancel();
        }
        deadline = Math.max(deadline, clock.nanos());
        armedAt = deadline;
        armed = timer.schedule(deadline, this::onTimer);
    }

    private void onTimer() {
        armed = null;
        armedAt = Debouncer.NONE;
        flush(clock.nanos());
        arm();
    }

    private void flush(long dueBy) {
        if (!started || stopped) {
            return;
        }
        long now = clock.nanos();
        boolean changed = false;
        for (int i = 0; i < scanners.size(); i++) {
            Debouncer debouncer = debouncers.get(i);
            if (debouncer.deadline() > dueBy) {
                continue;
            }
            debouncer.flushed(now);
            Scanner scanner = scanners.get(i);
            PackageSet scanned;
            try {
                scanned = scanner.scan();
                unreadable[i] = false;
            } catch (IOException e) {
                if (!unreadable[i]) {
                    listener.warning("cannot read " + scanner.view().location() + " (" + e.getMessage()
                            + "); keeping its last checkpointed state until it is back");
                }
                unreadable[i] = true;
                continue;
            }
            EnvironmentState state = states.get(i);
            if (!scanned.equals(state.current())) {
                states.set(i, state.withCurrent(scanned));
                changed = true;
            }
        }
        if (changed || writePending) {
            try {
                writeCheckpoint();
                failures.written(generation, now);
                writePending = false;
            } catch (IOException e) {
                writePending = true;
                failures.failed(e, generation, now);
            }
        }
        if (operationReported && !writePending && debouncers.stream().noneMatch(Debouncer::operationInProgress)) {
            operationReported = false;
            listener.operationInProgress(false);
        }
    }

    private void writeCheckpoint() throws IOException {
        Checkpoint next = snapshotAt(generation + 1);
        store.write(next);
        generation = next.generation();
        listener.checkpointWritten(next);
    }

    private Checkpoint snapshot() {
        return new Checkpoint(Math.max(generation, 1), clock.epochMillis(), states);
    }

    private Checkpoint snapshotAt(long gen) {
        return new Checkpoint(gen, clock.epochMillis(), states);
    }
}
