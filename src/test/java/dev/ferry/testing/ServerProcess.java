package dev.ferry.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ferry serve} as its own JVM on the test classpath, on a free port of 127.0.0.1: started, then stopped by
 * SIGTERM or killed with SIGKILL, as an operator or the kernel would.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("\"listening\": \"http://127\\.0\\.0\\.1:(\\d+)\"");

    private final Process process;
    private final Path stderr;
    private final int port;

    private ServerProcess(Process process, Path stderr, int port) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
    }

    /** Starts {@code ferry serve --listen 127.0.0.1:0 --data DATA --tokens TOKENS EXTRA...} and waits until it serves. */
    public static ServerProcess start(Path scratch, Path data, Path tokens, String heap, String... extra)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), heap, "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.Main", "serve",
                "--listen", "127.0.0.1:0", "--data", data.toString(), "--tokens", tokens.toString()));
        command.addAll(List.of(extra));
        Files.createDirectories(scratch);
        Path err = Files.createTempFile(scratch, "serve-", ".err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("ferry serve did not say it listens within 120 s; stderr: " + Files.readString(err));
        }
        Matcher m = line == null ? null : LISTENING.matcher(line);
        if (m == null || !m.find()) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("ferry serve printed " + line + " instead of where it listens; stderr: "
                    + Files.readString(err));
        }
        return new ServerProcess(process, err, Integer.parseInt(m.group(1)));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the process ends at once, nothing of it runs after. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("ferry serve did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Kills the server if it still runs; an interrupt while waiting for it to end is kept for the caller. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
