package dev.ferry.cli;

import dev.ferry.api.client.HttpLeaseLink;
import dev.ferry.time.EventLoop;
import dev.ferry.tracker.Tracker;
import dev.ferry.tracker.activity.ActivityRelay;
import dev.ferry.tracker.lease.LeaseAgent;
import dev.ferry.tracker.watch.FsEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * One run: the event loop, the lease agent when there is one, the watcher thread and the shutdown hook, and how
 * it ended. Tracking starts once the lease is held (at once without a lease).
 */
final class TrackRun implements LeaseAgent.Listener {

    /** How often the watcher thread wakes with no events, to notice a deleted environment coming back. */
    private static final long POLL_MILLIS = 500;

    /** How long a clean stop waits for the lease's release to be answered before the process ends. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(3);

    private final EventLoop loop;
    private final Tracker tracker;
    private final PrintWriter err;
    private final Path readyFile;
    private final ActivityRelay relay;
    private final Supplier<TrackingHandles> start;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private LeaseAgent agent;
    private TrackingHandles opened;
    private UserError startFailed;
    private volatile boolean watchingFailed;
    private volatile boolean fenced;
    private volatile int status;

    TrackRun(EventLoop loop, Tracker tracker, PrintWriter err, Path readyFile, ActivityRelay relay,
            Supplier<TrackingHandles> start) {
        this.loop = loop;
        this.tracker = tracker;
        this.err = err;
        this.readyFile = readyFile;
        this.relay = relay;
        this.start = start;
    }

    /**
     * Runs until a signal, a failed watcher or a fence. Exit status 0 when the last checkpoint holds
     * everything, 1 when it does not (changes that could not be written, or watching stopped), 4 when fenced;
     * after a signal the shutdown hook ends the process with that status.
     */
    int runUntilSignalled(LeaseAgent leaseAgent, HttpLeaseLink link) {
        this.agent = leaseAgent;
        Thread hook = new Thread(this::onSignal, "ferry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        loop.execute(agent == null ? this::acquired : agent::start);
        try {
            loop.run();
            if (link != null && !fenced && !link.awaitRelease(RELEASE_WAIT)) {
                Warnings.warn(err, "the lease's release got no answer within " + RELEASE_WAIT.toSeconds() + " s; it"
                        + " expires at the end of its TTL");
            }
            if (startFailed != null) {
                status = startFailed.exitCode(); // what the shutdown hook ends the process with
                throw startFailed;
            }
            status = fenced ? TrackCommand.FENCED : verdict();
        } finally {
            release();
            stopped.countDown();
        }
        return status;
    }

    /** The lease is held (or none is needed): start tracking, then say ready. On the loop. */
    @Override
    public void acquired() {
        try {
            opened = start.get();
        } catch (UserError e) {
            startFailed = e;
            if (agent != null) {
                agent.stop();
            }
            loop.stop();
            return;
        }
        Thread watching = new Thread(this::watch, "ferry-watcher");
        watching.setDaemon(true);
        watching.start();
        if (relay != null) {
            relay.start();
        }
        writeReady();
    }

    /** No renewal got through for the TTL, or another instance took the lease. On the loop. */
    @Override
    public void fenced() {
        fenced = true;
        loop.stop(); // nothing queued on the loop runs any more: no write of the home after this
        removeReady();
        Warnings.warn(err, "fenced: the session's lease could not be renewed within its TTL (or another instance holds"
                + " it); stopping at once without writing the home again" + (opened == null ? ""
                : " (last written: generation " + tracker.generation() + ")"));
    }

    /**
     * Before the shutdown hook may end the process: the next writer finds the lock free and empty. A fenced
     * instance leaves the lock file as it is (the system releases the lock when the process ends): another
     * instance may own the home now.
     */
    private void release() {
        removeReady();
        if (opened != null) {
            if (fenced) {
                opened.closeWatcher();
            } else {
                try {
                    opened.lock().close();
                } catch (IOException e) {
                    Warnings.warn(err, "cannot release the checkpoint's lock (" + e.getMessage() + "); the system releases"
                            + " it when this process ends");
                }
                opened.closeWatcher();
            }
        }
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted() && !fenced) {
                List<FsEvent> events = opened.watcher().poll(POLL_MILLIS);
                if (!events.isEmpty()) {
                    loop.execute(() -> events.forEach(tracker::onEvent));
                }
            }
        } catch (IOException e) {
            if (fenced) {
                return;
            }
            watchingFailed = true;
            Warnings.warn(err, "watching stopped: " + e.getMessage() + "; writing a last checkpoint and exiting");
            loop.execute(this::flushAndStop);
        } catch (ClosedWatchServiceException e) {
            // closed as the run ended
        }
    }

    private void onSignal() {
        loop.execute(this::flushAndStop);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(status);
    }

    private void flushAndStop() {
        if (opened != null) {
            tracker.flushNow();
        }
        if (relay != null) {
            relay.stop();
        }
        if (agent != null) {
            agent.stop(); // gives the lease back
        }
        loop.stop();
    }

    private int verdict() {
        if (opened != null && tracker.unprotected()) {
            Warnings.warn(err, "stopping with changes that are not checkpointed: the checkpoint on disk is older than"
                    + " the environments (last written: generation " + tracker.generation() + ")");
            return 1;
        }
        return watchingFailed ? 1 : 0;
    }

    private void writeReady() {
        if (readyFile == null) {
            return;
        }
        Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, "ready\n");
            Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Warnings.warn(err, "cannot write the ready file " + readyFile + ": " + e.getMessage()
                    + "; the readiness probe will not pass");
        }
    }

    private void removeReady() {
        if (readyFile == null) {
            return;
        }
        try {
            Files.deleteIfExists(readyFile);
        } catch (IOException e) {
            Warnings.warn(err, "cannot remove the ready file " + readyFile + ": " + e.getMessage());
        }
    }
}
