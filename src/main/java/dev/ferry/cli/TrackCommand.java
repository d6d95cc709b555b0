package dev.ferry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.client.ControlPlaneAddress;
import dev.ferry.api.client.HttpUploadTransport;
import dev.ferry.time.EventLoop;
import dev.ferry.time.SystemClock;
import dev.ferry.tracker.Tracker;
import dev.ferry.tracker.TrackerConflictException;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointException;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import dev.ferry.tracker.checkpoint.CheckpointText;
import dev.ferry.tracker.checkpoint.CheckpointLock;
import dev.ferry.tracker.checkpoint.CheckpointLockedException;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.scan.DiskEnvironmentView;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.upload.RetryPolicy;
import dev.ferry.tracker.upload.Uploader;
import dev.ferry.tracker.watch.FsEvent;
import dev.ferry.tracker.watch.JdkWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry track}: the agent that runs inside a session container. */
@Command(name = "track", mixinStandardHelpOptions = true,
        description = {
            "Watches environments and keeps a durable checkpoint of what is installed in them, until",
            "SIGTERM or SIGINT (it writes a last checkpoint first if one is due).",
            "",
            "On first start (no checkpoint yet) what is installed becomes the baseline and generation 1",
            "is written. Later starts continue the checkpoint; if the environments no longer match it",
            "(a new container that was not restored, or changes made while no tracker ran) the tracker",
            "refuses to start rather than overwrite the user's packages: run 'ferry restore' first, or",
            "pass --accept-current to checkpoint the environments as they are.",
            "",
            "Prints one JSON line per checkpoint written:",
            "  {\"ts_ms\": <epoch ms>, \"generation\": n, \"packages\": {\"name\": \"version\", ...}}",
            "with the full set (with several environments, the first given wins on a name).",
            "",
            "Only one tracker or restore writes a checkpoint at a time: the tracker holds a lock on",
            "FILE.lock while it runs, and refuses to start (exit 2) while another process holds it.",
            "A checkpoint deleted or damaged while the tracker runs is written anew at the next change",
            "and at the end; writes that fail are retried every second and reported every 30 s.",
            "",
            "With --control-plane URL --token-file FILE each checkpoint is also uploaded, and whether an",
            "install is running, for the session --session-id (or $FERRY_SESSION_ID) names. Uploads run",
            "beside checkpointing: a control plane that is down or slow never delays a checkpoint; they",
            "are retried with backoff (1 s doubling to 60 s, Retry-After honoured) and only the newest",
            "checkpoint is sent. A refused token is reported once and tried again every 5 min."
        },
        footer = {"", "Exit status: 0 when stopped with every change checkpointed; 1 when changes could not be",
            "written or watching failed; 2 for bad options, environments or checkpoint files, or a",
            "checkpoint in use by another tracker or restore."})
final class TrackCommand implements Callable<Integer> {

    /** How often the watcher thread wakes with no events, to notice a deleted environment coming back. */
    private static final long POLL_MILLIS = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "DIR",
            description = "A Python site-packages directory or an R library directory; repeat for several.")
    List<Path> envs;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "The checkpoint file, on storage that outlives the container (FILE.prev keeps the previous generation).")
    Path checkpointFile;

    @Option(names = "--accept-current",
            description = "Start even if the environments differ from the checkpoint, and checkpoint them as they are.")
    boolean acceptCurrent;

    @Mixin
    ControlPlaneOptions controlPlane = new ControlPlaneOptions();

    @Option(names = "--session-id", paramLabel = "ID",
            description = "The session's id at the control plane (default: the FERRY_SESSION_ID environment variable).")
    String sessionId;

    @Override
    public Integer call() throws Exception {
        ControlPlaneAddress address = controlPlane.address();
        String session = address == null ? null
                : ControlPlaneOptions.sessionId(sessionId, System.getenv(ControlPlaneOptions.SESSION_ID_VARIABLE));
        List<Scanner> scanners = Environments.openAll(envs);
        Path parent = checkpointFile.toAbsolutePath().getParent();
        if (parent != null && (!Files.isDirectory(parent) || !Files.isWritable(parent))) {
            throw new UserError("cannot write checkpoint " + checkpointFile + ": " + parent
                    + " is not a writable directory", 2);
        }
        if (Files.isDirectory(checkpointFile)) {
            throw new UserError("checkpoint " + checkpointFile + " is a directory; give a file path", 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SystemClock clock = new SystemClock();
        EventLoop loop = new EventLoop(clock);
        FileCheckpointStore store = new FileCheckpointStore(checkpointFile, w -> warn(err, w));
        Uploader uploader = address == null ? null : new Uploader(clock, loop, loop,
                new HttpUploadTransport(ControlPlaneOptions.client(), address, session), RetryPolicy.DEFAULTS,
                w -> warn(err, w), new SplittableRandom());
        Tracker tracker = new Tracker(clock, loop, scanners,
                () -> new PipAwareDebouncer(DebounceSettings.DEFAULTS), store, new Tracker.Listener() {
                    @Override
                    public void checkpointWritten(Checkpoint checkpoint) {
                        ObjectNode line = Json.object();
                        line.put("ts_ms", checkpoint.writtenAtEpochMillis());
                        line.put("generation", checkpoint.generation());
                        line.set("packages", Json.packages(checkpoint.packages()));
                        out.println(Json.line(line));
                        out.flush();
                        if (uploader != null) {
                            uploader.checkpointWritten(checkpoint.generation(), CheckpointFormat.encode(checkpoint));
                        }
                    }

                    @Override
                    public void operationInProgress(boolean running) {
                        if (uploader != null) {
                            uploader.operationInProgress(running);
                        }
                    }

                    @Override
                    public void warning(String message) {
                        warn(err, message);
                    }
                });
        List<Path> roots = scanners.stream().map(s -> ((DiskEnvironmentView) s.view()).root()).toList();
        try (CheckpointLock lock = lock(clock); JdkWatcher watcher = new JdkWatcher(roots)) {
            try {
                tracker.start(acceptCurrent);
            } catch (TrackerConflictException e) {
                throw new UserError(e.acceptable() ? e.getMessage() + ". If this is a new container, run 'ferry restore'"
                        + " first; to checkpoint the environments as they are now, add --accept-current" : e.getMessage());
            } catch (CheckpointException e) {
                throw new UserError(e.getMessage());
            } catch (IOException e) {
                throw new UserError("cannot start tracking: " + e.getMessage());
            }
            if (uploader != null) {
                uploadAdopted(uploader, store);
            }
            return new Session(loop, tracker, watcher, lock, err).runUntilSignalled();
        }
    }

    /** A checkpoint adopted at start (nothing written) is uploaded too: the control plane may not have it yet. */
    private static void uploadAdopted(Uploader uploader, FileCheckpointStore store) {
        try {
            Optional<String> text = CheckpointText.read(store.file());
            if (text.isPresent()) {
                uploader.checkpointWritten(CheckpointFormat.decode(text.get(), store.file().toString()).generation(),
                        text.get());
            }
        } catch (IOException | CheckpointException e) {
            // start has just read or written it; if it went away since, the next checkpoint is uploaded instead
        }
    }

    private CheckpointLock lock(SystemClock clock) {
        try {
            return CheckpointLock.acquire(checkpointFile, "ferry track", clock.epochMillis());
        } catch (CheckpointLockedException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (IOException e) {
            throw new UserError("cannot lock checkpoint " + checkpointFile + ": " + e.getMessage(), 2);
        }
    }

    /** One run of the tracker's event loop, its watcher thread and its shutdown hook, and how it ended. */
    private static final class Session {
        private final EventLoop loop;
        private final Tracker tracker;
        private final JdkWatcher watcher;
        private final CheckpointLock lock;
        private final PrintWriter err;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile boolean watchingFailed;
        private volatile int status;

        Session(EventLoop loop, Tracker tracker, JdkWatcher watcher, CheckpointLock lock, PrintWriter err) {
            this.loop = loop;
            this.tracker = tracker;
            this.watcher = watcher;
            this.lock = lock;
            this.err = err;
        }

        /**
         * Runs until a signal or a failed watcher. Exit status 0 when the last checkpoint holds
         * everything, 1 when it does not (changes that could not be written, or watching stopped);
         * after a signal the shutdown hook ends the process with that status.
         */
        int runUntilSignalled() {
            Thread watching = new Thread(this::watch, "ferry-watcher");
            watching.setDaemon(true);
            watching.start();
            Thread hook = new Thread(this::onSignal, "ferry-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                loop.run();
                status = verdict();
            } finally {
                watching.interrupt();
                release();
                stopped.countDown();
            }
            return status;
        }

        /** Before the shutdown hook may end the process: the next writer finds the lock free and empty. */
        private void release() {
            try {
                lock.close();
            } catch (IOException e) {
                warn(err, "cannot release the checkpoint's lock (" + e.getMessage() + "); the system releases it"
                        + " when this process ends");
            }
        }

        private void watch() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    List<FsEvent> events = watcher.poll(POLL_MILLIS);
                    if (!events.isEmpty()) {
                        loop.execute(() -> events.forEach(tracker::onEvent));
                    }
                }
            } catch (IOException e) {
                watchingFailed = true;
                warn(err, "watching stopped: " + e.getMessage() + "; writing a last checkpoint and exiting");
                loop.execute(this::flushAndStop);
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
            tracker.flushNow();
            loop.stop();
        }

        private int verdict() {
            if (tracker.unprotected()) {
                warn(err, "stopping with changes that are not checkpointed: the checkpoint on disk is older than"
                        + " the environments (last written: generation " + tracker.generation() + ")");
                return 1;
            }
            return watchingFailed ? 1 : 0;
        }
    }

    private static void warn(PrintWriter err, String message) {
        err.println("ferry: warning: " + message);
        err.flush();
    }
}
