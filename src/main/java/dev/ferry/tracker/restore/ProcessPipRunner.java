package dev.ferry.tracker.restore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code PYTHON -m pip} as a child process: an argument list (never a shell), standard input
 * closed, output captured in files (so a chatty pip cannot block on a full pipe and no reader
 * thread is needed), the working directory a fresh empty one (pip reads some requirements as
 * relative file paths), and a time limit after which pip and its children are killed.
 */
public final class ProcessPipRunner implements PipRunner {

    private static final String PURELIB = "import sysconfig; print(sysconfig.get_paths()['purelib'])";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private final Path python;
    private final List<String> pipArgs;
    private final Duration timeout;

    /**
     * @param pipArgs appended to every install (e.g. {@code --no-index --find-links DIR}); the
     *                operator's own options, never taken from a checkpoint
     * @param timeout the longest one pip command may run
     */
    public ProcessPipRunner(Path python, List<String> pipArgs, Duration timeout) {
        this.python = python;
        this.pipArgs = List.copyOf(pipArgs);
        this.timeout = timeout;
    }

    /** What a child process did. {@code exitCode} is -1 when it was stopped. */
    record Ran(int exitCode, boolean timedOut, String stdout, String stderr) {
    }

    /**
     * Asks {@code python} for its site-packages ({@code sysconfig}'s purelib).
     *
     * @throws RestoreException if it does not exist, cannot run, or does not answer as a Python does
     */
    public static Path purelib(Path python) throws RestoreException {
        if (!Files.exists(python)) {
            throw new RestoreException("the interpreter " + python + " does not exist; give the path of the"
                    + " environment's python, e.g. /opt/venv/bin/python");
        }
        if (Files.isDirectory(python)) {
            throw new RestoreException("the interpreter " + python + " is a directory; give the path of the"
                    + " environment's python, e.g. " + python.resolve("bin/python"));
        }
        if (!Files.isExecutable(python)) {
            throw new RestoreException("the interpreter " + python + " is not executable by this user");
        }
        Ran ran;
        try {
            ran = run(List.of(python.toString(), "-c", PURELIB), PROBE_TIMEOUT, true);
        } catch (IOException e) {
            throw new RestoreException("cannot run " + python + " (" + e.getMessage() + "); is it a Python interpreter?");
        }
        if (ran.timedOut()) {
            throw new RestoreException(python + " did not say where its site-packages is within "
                    + PROBE_TIMEOUT.toSeconds() + " s; is it a Python interpreter?");
        }
        if (ran.exitCode() != 0) {
            throw new RestoreException(python + " is not a working Python interpreter: asked for its site-packages,"
                    + " it exited with status " + ran.exitCode() + " ("
                    + new PipResult(ran.exitCode(), false, ran.stderr()).reason() + ")");
        }
        String answer = ran.stdout().strip();
        if (answer.isEmpty() || answer.contains("\n") || !answer.startsWith("/")) {
            throw new RestoreException(python + " does not look like a Python interpreter: asked for its site-packages,"
                    + " it printed '" + Requirements.quote(answer.length() > 200 ? answer.substring(0, 200) : answer)
                    + "'");
        }
        return Path.of(answer);
    }

    @Override
    public PipResult install(List<Pin> pins) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "--no-deps",
                "--disable-pip-version-check"));
        pins.forEach(pin -> command.add(pin.requirement()));
        command.addAll(pipArgs);
        return pip(command);
    }

    @Override
    public PipResult uninstall(List<String> names) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pip", "uninstall", "-y",
                "--disable-pip-version-check"));
        for (String name : names) {
            if (!Requirements.isValidName(name)) {
                throw new IllegalArgumentException("not a package name: " + Requirements.quote(name));
            }
            command.add(name);
        }
        return pip(command);
    }

    private PipResult pip(List<String> command) {
        try {
            Ran ran = run(command, timeout, false);
            return new PipResult(ran.exitCode(), ran.timedOut(), ran.timedOut()
                    ? "it ran longer than the time limit of " + timeout.toSeconds() + " s" : ran.stderr());
        } catch (IOException e) {
            return PipResult.failed(-1, "cannot run " + python + ": " + e.getMessage());
        }
    }

    /** Runs {@code command} in an empty scratch directory and waits at most {@code limit}. */
    static Ran run(List<String> command, Duration limit, boolean keepStdout) throws IOException {
        Path scratch = Files.createTempDirectory("ferry-restore-");
        try {
            Path out = scratch.resolve("stdout");
            Path err = scratch.resolve("stderr");
            Path work = Files.createDirectory(scratch.resolve("work"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(keepStdout ? ProcessBuilder.Redirect.to(out.toFile()) : ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.to(err.toFile()));
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Ran(-1, true, "", read(err));
            }
            return new Ran(process.exitValue(), false, keepStdout ? read(out) : "", read(err));
        } finally {
            deleteTree(scratch);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch directory left in the temporary directory is harmless.
        }
    }
}
