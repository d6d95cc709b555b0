package dev.ferry.cli;

import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.SessionLeases;
import dev.ferry.api.http.ControlPlaneServer;
import dev.ferry.api.http.ServerSettings;
import dev.ferry.api.http.Tokens;
import dev.ferry.api.store.SqliteSessionStore;
import dev.ferry.time.SystemClock;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry serve}: the control plane's HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serves the control plane's HTTP/1.1 JSON API until SIGTERM or SIGINT: trackers upload",
            "checkpoints and report activity and installs; operators read progress and pause or resume.",
            "Every answered change is on disk (SQLite, WAL, synchronous=FULL) before it is answered.",
            "",
            "Every route but /healthz needs 'Authorization: Bearer <token>' (or 'token <token>') with a",
            "token from the --tokens file: one '<token> <scope>' per line, scope 'admin' or",
            "'session:<id>', '#' comments and blank lines ignored, tokens 16 to 256 characters of",
            "A-Z a-z 0-9 - . _ ~ + / =.",
            "",
            "Each session's lease (PUT /v1/sessions/{id}/lease, see 'ferry track --place') is granted",
            "for --lease-ttl; leases are kept in memory only, so a restart forgets them.",
            "",
            "Prints one line when it serves: {\"listening\": \"http://HOST:PORT\"}."
        },
        footer = {"", "Exit status: 0 after a signal (1 if the store could not be closed); 2 for bad options, an unusable --data folder, a bad tokens",
            "file or a port that cannot be bound."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8686",
            description = "Address and port to serve on (default ${DEFAULT-VALUE}; port 0 picks a free one).")
    String listen;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Folder of the durable store (created if missing); one server per folder.")
    Path data;

    @Option(names = "--tokens", required = true, paramLabel = "FILE", description = "The token file, see above.")
    Path tokensFile;

    @Option(names = "--max-in-flight", defaultValue = "1024", paramLabel = "N",
            description = {"Requests in flight at once at most, those waiting for their commit included; past that",
                "the answer is 429 with Retry-After (default ${DEFAULT-VALUE})."})
    int maxInFlight;

    @Option(names = "--latency-target", defaultValue = "" + ServerSettings.DEFAULT_LATENCY_TARGET_MILLIS, paramLabel = "MS",
            description = {"While answers take longer than this, the in-flight limit is cut below --max-in-flight",
                "(and grows back while they are quicker); 0 keeps the limit fixed (default ${DEFAULT-VALUE})."})
    int latencyTargetMillis;

    @Option(names = "--workers", defaultValue = "8", paramLabel = "N",
            description = {"Threads verifying uploads and reading checkpoints from disk (default ${DEFAULT-VALUE});",
                "none waits for a commit: a change is answered once durable, commits grouped."})
    int workers;

    @Option(names = "--lease-ttl", defaultValue = "5m", paramLabel = "DURATION",
            description = "How long a granted session lease lasts unless renewed, 1s to 24h, e.g. 90s or 5m"
                    + " (default ${DEFAULT-VALUE}). The scheduler's safety margin is added on top.")
    String leaseTtl;

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = settings();
        Duration ttl = DurationOption.parse("--lease-ttl", leaseTtl, Duration.ofSeconds(1), Duration.ofHours(24));
        Tokens tokens = tokens();
        SqliteSessionStore store = openStore();
        SystemClock clock = new SystemClock();
        ControlPlane plane = new ControlPlane(store, clock);
        ControlPlaneServer server;
        try {
            server = ControlPlaneServer.start(plane, new SessionLeases(clock, ttl.toMillis()), tokens, clock, settings);
        } catch (BindException e) {
            store.close();
            throw new UserError("cannot listen on " + listen + ": " + e.getMessage()
                    + "; choose another --listen address or port", 2);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // after a signal: stop accepting, let requests in flight finish, close the store, then end with status 0
        // (the JVM would otherwise report the signal, 143); every answered change is already on disk
        Thread hook = new Thread(() -> {
            server.close();
            int status = 0;
            try {
                store.close();
            } catch (SQLException | IOException e) {
                System.err.println("ferry: closing the store: " + e.getMessage());
                status = 1;
            }
            stopped.countDown();
            Runtime.getRuntime().halt(status);
        }, "ferry-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getOut().println("{\"listening\": \"http://" + settings.host() + ":" + server.port() + "\"}");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private ServerSettings settings() {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new UserError("--listen " + listen + " is not HOST:PORT, e.g. 127.0.0.1:8686", 2);
        }
        String host = listen.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserError("--listen " + listen + ": the port is not a number", 2);
        }
        try {
            ServerSettings d = ServerSettings.defaults(host, port, Runtime.getRuntime().availableProcessors());
            return new ServerSettings(host, port, maxInFlight, workers, d.eventLoops(), latencyTargetMillis);
        } catch (IllegalArgumentException e) {
            throw new UserError("--listen/--max-in-flight/--workers/--latency-target: " + e.getMessage(), 2);
        }
    }

    private Tokens tokens() {
        try {
            return Tokens.read(tokensFile);
        } catch (NoSuchFileException e) {
            throw new UserError("--tokens " + tokensFile + ": no such file", 2);
        } catch (IOException e) {
            throw new UserError("--tokens " + tokensFile + ": cannot read it: " + e.getMessage(), 2);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private SqliteSessionStore openStore() {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UserError("--data " + data + ": cannot create the folder: " + e, 2);
        }
        if (!Files.isDirectory(data) || !Files.isWritable(data)) {
            throw new UserError("--data " + data + " is not a writable folder", 2);
        }
        try {
            return SqliteSessionStore.open(data);
        } catch (IOException e) {
            throw new UserError("--data " + data + ": " + e.getMessage(), 2);
        } catch (SQLException e) {
            throw new UserError("--data " + data + ": the store cannot be opened: " + e.getMessage(), 2);
        }
    }
}
