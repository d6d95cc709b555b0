package dev.ferry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.client.ControlPlaneAddress;
import dev.ferry.api.client.HttpActivitySink;
import dev.ferry.api.client.HttpLeaseLink;
import dev.ferry.api.client.HttpUploadTransport;
import dev.ferry.api.client.JupyterStatusSource;
import dev.ferry.api.control.LeaseHolder;
import dev.ferry.tracker.activity.ActivityRelay;
import dev.ferry.tracker.lease.LeaseAgent;
import dev.ferry.tracker.lease.LeaseAnswer;
import dev.ferry.tracker.lease.LeaseLink;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
            "checkpoint is sent. A refused token is reported once and tried again every 5 min.",
            "",
            "With --place P --instance I (and --control-plane) the tracker first takes the session's lease",
            "for this instance (P: 'source' or the Kubernetes cluster it runs on; I: e.g. the pod's name)",
            "and touches nothing on the home until it holds it: then it starts tracking and writes",
            "--ready-file for the container's readiness probe. It renews every --lease-renew-every; when",
            "no renewal got through for the lease's TTL, or another instance took it, the instance is",
            "FENCED: the tracker stops at once, writing nothing more to the home (no last checkpoint:",
            "another instance may own the home now), removes the ready file and exits 4. A clean stop",
            "gives the lease back. Defaults come from $FERRY_PLACE and $FERRY_INSTANCE.",
            "",
            "With --activity-from URL --jupyter-token-file FILE the user's last activity is read from",
            "that Jupyter Server's /api/status every --activity-every and forwarded to the control",
            "plane (POST /v1/sessions/{id}/activity), only ever forward in time, and once more after",
            "each checkpoint upload as confirmation."
        },
        footer = {"", "Exit status: 0 when stopped with every change checkpointed; 1 when changes could not be",
            "written or watching failed; 2 for bad options, environments or checkpoint files, or a",
            "checkpoint in use by another tracker or restore; 4 when the instance was fenced (its lease",
            "could not be renewed within the TTL, or another instance holds it)."})
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

    @Option(names = "--place", paramLabel = "P",
            description = "Hold the session's lease for an instance running on P: 'source' or the cluster's name"
                    + " (default: $FERRY_PLACE); needs --control-plane.")
    String place;

    @Option(names = "--instance", paramLabel = "I",
            description = "This instance's name at P, unique among the session's instances, e.g. the pod's name"
                    + " (default: $FERRY_INSTANCE).")
    String instance;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Written once the instance is usable (the lease held, tracking started) and removed when"
                    + " it stops or is fenced: the container's readiness probe. Not on the session's home.")
    Path readyFile;

    @Option(names = "--lease-renew-every", defaultValue = "100s", paramLabel = "DURATION",
            description = "How long after a granted lease request the next one goes, well under the TTL"
                    + " (default ${DEFAULT-VALUE}, a third of the standard 5 min TTL).")
    String leaseRenewEvery;

    @Option(names = "--lease-retry-every", defaultValue = "5s", paramLabel = "DURATION",
            description = "How long after a failed or refused lease request the next one goes (default ${DEFAULT-VALUE}).")
    String leaseRetryEvery;

    @Option(names = "--activity-from", paramLabel = "URL",
            description = "The session's Jupyter Server, e.g. http://127.0.0.1:8888/; its /api/status gives the"
                    + " user's last activity (with --jupyter-token-file and --control-plane).")
    String activityFrom;

    @Option(names = "--jupyter-token-file", paramLabel = "FILE",
            description = "The file holding the Jupyter Server's token, read once at start.")
    Path jupyterTokenFile;

    @Option(names = "--activity-every", defaultValue = "60s", paramLabel = "DURATION",
            description = "How often activity is read and forwarded when it moved (default ${DEFAULT-VALUE}).")
    String activityEvery;

    /** Where {@code --place} and {@code --instance} come from when not given. */
    static final String PLACE_VARIABLE = "FERRY_PLACE";
    static final String INSTANCE_VARIABLE = "FERRY_INSTANCE";

    /** The exit status of a fenced instance. */
    static final int FENCED = 4;

    /** How long a clean stop waits for the lease's release to be answered before the process ends. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(3);

    @Override
    public Integer call() throws Exception {
        ControlPlaneAddress address = controlPlane.address();
        String session = address == null ? null
                : ControlPlaneOptions.sessionId(sessionId, System.getenv(ControlPlaneOptions.SESSION_ID_VARIABLE));
        LeaseHolder holder = holder(address, System.getenv(PLACE_VARIABLE), System.getenv(INSTANCE_VARIABLE));
        Duration renewEvery = DurationOption.parse("--lease-renew-every", leaseRenewEvery, Duration.ofMillis(100),
                Duration.ofHours(1));
        Duration retryEvery = DurationOption.parse("--lease-retry-every", leaseRetryEvery, Duration.ofMillis(100),
                Duration.ofHours(1));
        Duration readEvery = DurationOption.parse("--activity-every", activityEvery, Duration.ofMillis(100),
                Duration.ofHours(1));
        URI jupyter = jupyter(address);
        String jupyterToken = jupyter == null ? null : ControlPlaneOptions.token("--jupyter-token-file",
                jupyterTokenFile);
        checkReadyFile();
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
        Consumer<String> warnings = w -> warn(err, w);
        SystemClock clock = new SystemClock();
        EventLoop loop = new EventLoop(clock);
        HttpClient client = address == null ? null : ControlPlaneOptions.client();
        FileCheckpointStore store = new FileCheckpointStore(checkpointFile, warnings);
        ActivityRelay relay = jupyter == null ? null : new ActivityRelay(clock, loop, loop,
                new JupyterStatusSource(client, jupyter, jupyterToken), new HttpActivitySink(client, address, session),
                readEvery.toNanos(), warnings);
        Uploader uploader = address == null ? null : new Uploader(clock, loop, loop,
                new HttpUploadTransport(client, address, session), RetryPolicy.DEFAULTS, warnings,
                new SplittableRandom(), generation -> {
                    if (relay != null) {
                        relay.checkpointUploaded();
                    }
                });
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
        HttpLeaseLink link = holder == null ? null
                : new HttpLeaseLink(client, address, session, holder.place(), holder.instance());
        Session run = new Session(loop, tracker, err, readyFile, relay,
                () -> startTracking(clock, tracker, roots, uploader, store));
        LeaseAgent agent = link == null ? null : new LeaseAgent(clock, loop, loop,
                new SaidOnce(link, holder, err), renewEvery.toNanos(), retryEvery.toNanos(), run);
        return run.runUntilSignalled(agent, link);
    }

    /** Locks the checkpoint and starts tracking; what it opened is closed when the run ends. */
    private Opened startTracking(SystemClock clock, Tracker tracker, List<Path> roots, Uploader uploader,
            FileCheckpointStore store) {
        CheckpointLock lock = lock(clock);
        JdkWatcher watcher;
        try {
            watcher = new JdkWatcher(roots);
        } catch (IOException e) {
            closeQuietly(lock);
            throw new UserError("cannot watch the environments: " + e.getMessage());
        }
        Opened opened = new Opened(lock, watcher);
        try {
            tracker.start(acceptCurrent);
        } catch (TrackerConflictException e) {
            opened.close();
            throw new UserError(e.acceptable() ? e.getMessage() + ". If this is a new container, run 'ferry restore'"
                    + " first; to checkpoint the environments as they are now, add --accept-current" : e.getMessage());
        } catch (CheckpointException e) {
            opened.close();
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            opened.close();
            throw new UserError("cannot start tracking: " + e.getMessage());
        }
        if (uploader != null) {
            uploadAdopted(uploader, store);
        }
        return opened;
    }

    /** The lease holder from the options or the environment, or null when this instance holds no lease. */
    private LeaseHolder holder(ControlPlaneAddress address, String placeVariable, String instanceVariable) {
        String p = place != null ? place : blankToNull(placeVariable);
        String i = instance != null ? instance : blankToNull(instanceVariable);
        if (p == null) {
            if (instance != null) {
                throw new UserError("--instance is given without --place; give where this instance runs ('source'"
                        + " or the cluster's name) with --place or " + PLACE_VARIABLE, 2);
            }
            return null;
        }
        String from = place != null ? "--place" : PLACE_VARIABLE;
        if (address == null) {
            throw new UserError(from + " needs --control-plane URL --token-file FILE: the lease is the control"
                    + " plane's", 2);
        }
        if (i == null) {
            throw new UserError(from + " needs this instance's name: give --instance I (e.g. the pod's name) or set "
                    + INSTANCE_VARIABLE, 2);
        }
        try {
            return new LeaseHolder(p, i);
        } catch (IllegalArgumentException e) {
            throw new UserError((place != null ? "--place" : PLACE_VARIABLE) + " '" + p + "' / "
                    + (instance != null ? "--instance" : INSTANCE_VARIABLE) + " '" + i + "': " + e.getMessage(), 2);
        }
    }

    private URI jupyter(ControlPlaneAddress address) {
        if (activityFrom == null) {
            if (jupyterTokenFile != null) {
                throw new UserError("--jupyter-token-file is given without --activity-from; give both or neither", 2);
            }
            return null;
        }
        if (address == null) {
            throw new UserError("--activity-from needs --control-plane URL --token-file FILE: activity is forwarded"
                    + " there", 2);
        }
        if (jupyterTokenFile == null) {
            throw new UserError("--activity-from needs --jupyter-token-file FILE, the file holding the Jupyter"
                    + " Server's token", 2);
        }
        try {
            return ControlPlaneAddress.parse(activityFrom);
        } catch (IllegalArgumentException e) {
            throw new UserError("--activity-from: " + e.getMessage().replace("8686", "8888"), 2);
        }
    }

    /** A ready file left by an earlier container must not say ready before this one is. */
    private void checkReadyFile() {
        if (readyFile == null) {
            return;
        }
        Path dir = readyFile.toAbsolutePath().getParent();
        if (Files.isDirectory(readyFile) || dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UserError("--ready-file " + readyFile + ": not a file in a writable directory", 2);
        }
        try {
            Files.deleteIfExists(readyFile);
        } catch (IOException e) {
            throw new UserError("--ready-file " + readyFile + ": cannot remove the one left from before ("
                    + e.getMessage() + ")", 2);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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

    private static void closeQuietly(CheckpointLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the system releases it when this process ends
        }
    }

    /** The checkpoint's lock and the watcher, open while tracking. */
    private record Opened(CheckpointLock lock, JdkWatcher watcher) {
        void close() {
            closeWatcher();
            closeQuietly(lock);
        }

        void closeWatcher() {
            try {
                watcher.close();
            } catch (IOException e) {
                // nothing is written through it; the system frees it when this process ends
            }
        }
    }

    /** The lease link, saying once on standard error while the instance waits for a lease it does not hold yet. */
    private static final class SaidOnce implements LeaseLink {
        private final LeaseLink link;
        private final LeaseHolder holder;
        private final PrintWriter err;
        private volatile boolean said;

        SaidOnce(LeaseLink link, LeaseHolder holder, PrintWriter err) {
            this.link = link;
            this.holder = holder;
            this.err = err;
        }

        @Override
        public void renew(Consumer<LeaseAnswer> answered) {
            link.renew(answer -> {
                if (!said && !(answer instanceof LeaseAnswer.Granted)) {
                    said = true;
                    warn(err, "the session's lease is not held by this instance (" + holder.place() + "/"
                            + holder.instance() + ") yet: " + (answer instanceof LeaseAnswer.HeldByAnother h
                            ? "an instance on " + h.place() + " holds it" : ((LeaseAnswer.Failed) answer).detail())
                            + "; asking again");
                }
                answered.accept(answer);
            });
        }

        @Override
        public void release() {
            link.release();
        }
    }

    /**
     * One run: the event loop, the lease agent when there is one, the watcher thread and the shutdown hook, and how
     * it ended. Tracking starts once the lease is held (at once without a lease).
     */
    private static final class Session implements LeaseAgent.Listener {
        private final EventLoop loop;
        private final Tracker tracker;
        private final PrintWriter err;
        private final Path readyFile;
        private final ActivityRelay relay;
        private final Supplier<Opened> start;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private LeaseAgent agent;
        private Opened opened;
        private UserError startFailed;
        private volatile boolean watchingFailed;
        private volatile boolean fenced;
        private volatile int status;

        Session(EventLoop loop, Tracker tracker, PrintWriter err, Path readyFile, ActivityRelay relay,
                Supplier<Opened> start) {
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
                    warn(err, "the lease's release got no answer within " + RELEASE_WAIT.toSeconds() + " s; it"
                            + " expires at the end of its TTL");
                }
                if (startFailed != null) {
                    status = startFailed.exitCode(); // what the shutdown hook ends the process with
                    throw startFailed;
                }
                status = fenced ? FENCED : verdict();
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
            warn(err, "fenced: the session's lease could not be renewed within its TTL (or another instance holds"
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
                        warn(err, "cannot release the checkpoint's lock (" + e.getMessage() + "); the system releases"
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
                warn(err, "watching stopped: " + e.getMessage() + "; writing a last checkpoint and exiting");
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
                warn(err, "stopping with changes that are not checkpointed: the checkpoint on disk is older than"
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
                warn(err, "cannot write the ready file " + readyFile + ": " + e.getMessage()
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
                warn(err, "cannot remove the ready file " + readyFile + ": " + e.getMessage());
            }
        }
    }

    private static void warn(PrintWriter err, String message) {
        err.println("ferry: warning: " + message);
        err.flush();
    }
}
