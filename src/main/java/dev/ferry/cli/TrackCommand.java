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
import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Consumer;
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
import dev.ferry.tracker.watch.JdkWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
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
        Consumer<String> warnings = w -> Warnings.warn(err, w);
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
                        Warnings.warn(err, message);
                    }
                });
        List<Path> roots = scanners.stream().map(s -> ((DiskEnvironmentView) s.view()).root()).toList();
        HttpLeaseLink link = holder == null ? null
                : new HttpLeaseLink(client, address, session, holder.place(), holder.instance());
        TrackRun run = new TrackRun(loop, tracker, err, readyFile, relay,
                () -> startTracking(clock, tracker, roots, uploader, store));
        LeaseAgent agent = link == null ? null : new LeaseAgent(clock, loop, loop,
                new LeaseWaitNotice(link, holder, err), renewEvery.toNanos(), retryEvery.toNanos(), run);
        return run.runUntilSignalled(agent, link);
    }

    /** Locks the checkpoint and starts tracking; what it opened is closed when the run ends. */
    private TrackingHandles startTracking(SystemClock clock, Tracker tracker, List<Path> roots, Uploader uploader,
            FileCheckpointStore store) {
        CheckpointLock lock = lock(clock);
        JdkWatcher watcher;
        try {
            watcher = new JdkWatcher(roots);
        } catch (IOException e) {
            TrackingHandles.closeQuietly(lock);
            throw new UserError("cannot watch the environments: " + e.getMessage());
        }
        TrackingHandles opened = new TrackingHandles(lock, watcher);
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

}
