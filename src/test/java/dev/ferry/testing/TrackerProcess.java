package dev.ferry.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ferry} as its own JVM, on the test classpath, as a container runs it: for behaviour that
 * involves processes (locks held by one process, signals, files changed under a running tracker).
 * Standard output is read line by line as it comes; standard error goes to a file.
 */
public final class TrackerProcess implements AutoCloseable {

    private static final Pattern GENERATION = Pattern.compile("\"generation\":(\\d+)");

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private TrackerProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process is gone; what it printed is in the queue.
            }
        }, "ferry-process-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code ferry ARGS...}; its standard error goes to {@code scratch/ferry-<n>.err}. */
    public static TrackerProcess start(Path scratch, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.Main"));
        command.addAll(List.of(args));
        Files.createDirectories(scratch);
        Path err = Files.createTempFile(scratch, "ferry-", ".err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return new TrackerProcess(process, err);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until the process prints a checkpoint line of at least {@code generation}, and returns that line. */
    public String awaitGeneration(long generation) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                Matcher m = GENERATION.matcher(line.replace(" ", ""));
                if (m.find() && Long.parseLong(m.group(1)) >= generation) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no checkpoint of generation " + generation + " printed; stdout so far: " + seen
                + "; stderr: " + stderr());
    }

    /** Waits until the process prints a line containing {@code text}, and returns that line. */
    public String awaitStdout(String text) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line with '" + text + "' printed; stdout so far: " + seen + "; stderr: "
                + stderr());
    }

    /** Waits until standard error holds {@code text}. */
    public void awaitStderr(String text) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (stderr().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("stderr never said '" + text + "': " + stderr());
    }

    /** Sends SIGTERM, as a container runtime stopping the session does, and returns the exit status. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Waits for the process to end on its own and returns its exit status. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within 60 s");
        }
        return process.exitValue();
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no last checkpoint, as a lost node does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
