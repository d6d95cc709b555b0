package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gives one clear line on standard error, a non-zero exit, no stack trace, and changes nothing. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertOneLineError(CommandResult result, String contains) {
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).startsWith("ferry: ").contains(contains).doesNotContain("\tat ", "Exception");
        assertThat(result.err().lines().filter(l -> l.startsWith("ferry: ")).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a missing environment")
    void missingEnvironment() {
        assertOneLineError(CommandResult.run("snapshot", "--env", dir.resolve("nope").toString()), "does not exist");
    }

    @Test
    @DisplayName("a file given as an environment")
    void fileAsEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertOneLineError(CommandResult.run("snapshot", "--env", file.toString()), "is a file, not a directory");
    }

    @Test
    @DisplayName("a directory that is no Python or R environment")
    void notAnEnvironment() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("README"), "x");
        assertOneLineError(CommandResult.run("snapshot", "--env", project.toString()), "neither a Python environment");
        assertOneLineError(CommandResult.run("track", "--env", project.toString(), "--checkpoint",
                dir.resolve("ck").toString()), "neither a Python environment");
        assertThat(dir.resolve("ck")).doesNotExist();
    }

    @Test
    @DisplayName("a corrupted checkpoint, with the intact previous generation named")
    void corruptedCheckpoint() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("ck"), w -> { });
        for (int generation = 1; generation <= 2; generation++) {
            store.write(new Checkpoint(generation, 0, List.of(new EnvironmentState("/v", EnvironmentKind.PYTHON,
                    PackageSet.EMPTY, PackageSet.of(Map.of("numpy", generation + ".0"))))));
        }
        String text = Files.readString(dir.resolve("ck"));
        Files.writeString(dir.resolve("ck"), text.replace("added numpy 2.0", "added numpy 9.0"));
        CommandResult result = CommandResult.run("checkpoint", "show", dir.resolve("ck").toString());
        assertOneLineError(result, "is damaged");
        assertThat(result.err()).contains("the previous generation 1 in " + dir.resolve("ck.prev") + " is intact");
        assertThat(result.out()).isEmpty();
    }

    @Test
    @DisplayName("a trace line that does not parse, with its line number")
    void badTrace() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"),
                "{\"t\": 1, \"ev\": \"CREATE\", \"path\": \"a\"}\n{\"t\": 2, \"ev\": \"CREATE\", \"path\": \n");
        CommandResult result = CommandResult.run("replay", trace.toString());
        assertOneLineError(result, "t.jsonl line 2: not JSON");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
    }

    @Test
    @DisplayName("an unknown option names itself and points to --help")
    void unknownOption() {
        CommandResult result = CommandResult.run("snapshot", "--envv", "x");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--envv'").contains("ferry snapshot --help");
    }

    @Test
    @DisplayName("--help explains each command")
    void help() {
        for (String command : List.of("snapshot", "track", "replay", "restore")) {
            CommandResult result = CommandResult.run(command, "--help");
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: ferry " + command);
        }
    }
}
