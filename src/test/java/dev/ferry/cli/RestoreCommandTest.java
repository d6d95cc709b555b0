package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.FerryCli;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry restore} on bad input: one line on standard error that says what is wrong, a
 * non-zero exit (2 for options, interpreters and checkpoint files), no stack trace, nothing
 * changed. "Interpreters" here are shell scripts, so no Python is needed.
 */
@DisplayName("ferry restore answers every bad input with one clear line and changes nothing")
class RestoreCommandTest {

    @TempDir
    Path dir;

    private Path checkpoint;
    private byte[] checkpointBytes;
    private Path site;

    @BeforeEach
    void checkpointWithTwoPythonEnvironments() throws Exception {
        checkpoint = dir.resolve("checkpoint");
        new FileCheckpointStore(checkpoint, w -> { }).write(new Checkpoint(2, 0, List.of(
                python("/a/site-packages", Map.of("alpha", "1.0")),
                python("/b/site-packages", Map.of("beta", "1.0")))));
        checkpointBytes = Files.readAllBytes(checkpoint);
        site = Files.createDirectories(dir.resolve("venv/lib/python3.11/site-packages"));
    }

    @Test
    @DisplayName("--help explains the choice of environment, the validation, the output and the exit status")
    void help() {
        FerryCli.Run run = FerryCli.run("restore", "--help");
        assertEquals(0, run.exitCode());
        for (String expected : List.of("--checkpoint", "--python", "--env", "--dry-run", "PIP_ARGS", "PEP 508",
                "PEP 440", "R libraries", "rebased", "FILE.prev", "-- --no-index --find-links", "Exit status")) {
            assertTrue(run.out().contains(expected), "--help should mention " + expected + ":\n" + run.out());
        }
    }

    @Test
    @DisplayName("a checkpoint that does not exist")
    void missingCheckpoint() {
        expectOneLine(2, "does not exist", "restore", "--checkpoint", dir.resolve("nope").toString(),
                "--python", script("echo " + site).toString());
    }

    @Test
    @DisplayName("an interpreter that does not exist, is a directory, or is not executable")
    void unusableInterpreter() throws Exception {
        expectOneLine(2, "does not exist", restore(dir.resolve("no-python")));
        expectOneLine(2, "is a directory", restore(dir));
        Path plain = Files.writeString(dir.resolve("plain"), "#!/bin/sh\n");
        expectOneLine(2, "is not executable", restore(plain));
    }

    @Test
    @DisplayName("a program that is no Python: it fails, or answers something that is not a path")
    void notAPython() {
        expectOneLine(2, "is not a working Python interpreter", restore(script("echo oops >&2; exit 3")));
        expectOneLine(2, "does not look like a Python interpreter", restore(script("echo hello")));
        expectOneLine(2, "which is not a directory", restore(script("echo " + dir.resolve("missing"))));
    }

    @Test
    @DisplayName("several Python environments, none at the interpreter's site-packages, and no --env")
    void ambiguousEnvironment() {
        expectOneLine(2, "say which to restore with --env DIR", restore(script("echo " + site)));
    }

    @Test
    @DisplayName("--env naming no environment of the checkpoint")
    void unknownEnvironment() {
        expectOneLine(2, "has no environment /c/site-packages", "restore", "--checkpoint", checkpoint.toString(),
                "--python", script("echo " + site).toString(), "--env", "/c/site-packages");
    }

    @Test
    @DisplayName("an argument for pip without '--' before it, and a timeout of zero")
    void badOptions() {
        String python = script("echo " + site).toString();
        expectOneLine(2, "options for pip go after '--'", "restore", "--checkpoint", checkpoint.toString(),
                "--python", python, "numpy");
        expectOneLine(2, "--timeout must be more than 0", "restore", "--checkpoint", checkpoint.toString(),
                "--python", python, "--timeout", "0");
        expectOneLine(2, "--python", "restore", "--checkpoint", checkpoint.toString());
    }

    private String[] restore(Path python) {
        return new String[] {"restore", "--checkpoint", checkpoint.toString(), "--python", python.toString()};
    }

    private void expectOneLine(int exitCode, String contains, String... args) {
        FerryCli.Run run = FerryCli.run(args);
        assertEquals(exitCode, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("ferry: ") && run.err().contains(contains), run.transcript());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("ferry: ")).count(), run.transcript());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.transcript());
        assertEquals("", run.out(), run.transcript());
        try {
            assertArrayEquals(checkpointBytes, Files.readAllBytes(checkpoint), "the checkpoint changed");
            assertFalse(Files.exists(dir.resolve("checkpoint.prev")), "a new generation was written");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An executable shell script standing in for an interpreter. */
    private Path script(String body) {
        try {
            Path file = Files.createTempFile(dir, "python", "");
            Files.writeString(file, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
            return file;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static EnvironmentState python(String location, Map<String, String> current) {
        return new EnvironmentState(location, EnvironmentKind.PYTHON, PackageSet.EMPTY, PackageSet.of(current));
    }
}
