package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that read recorded traces refuse a line they would otherwise misread (an unknown event kind is
 * dropped silently; a path outside site-packages rebuilds a tree that is not the environment) with exit 2.
 */
class TraceInputErrorsTest {

    @TempDir
    Path dir;

    private Path trace(String secondLine) throws Exception {
        return Files.writeString(dir.resolve("t.jsonl"), "{\"t\": 1, \"ev\": \"CREATE,ISDIR\", \"path\": \"a\"}\n"
                + secondLine + "\n");
    }

    private static void assertRefused(CommandResult result, String contains) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("ferry: ").contains(contains).hasLineCount(1)
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    @DisplayName("replay refuses an unknown event kind, naming the line")
    void replayUnknownKind() throws Exception {
        Path file = trace("{\"t\": 2, \"ev\": \"RENAMED\", \"path\": \"b\"}");
        assertRefused(CommandResult.run("replay", file.toString()), file + " line 2: unknown event kind 'RENAMED'");
    }

    @Test
    @DisplayName("replay refuses a path that climbs out of the environment")
    void replayEscapingPath() throws Exception {
        Path file = trace("{\"t\": 2, \"ev\": \"CREATE\", \"path\": \"../../etc/cron.d/x\"}");
        assertRefused(CommandResult.run("replay", file.toString()), file + " line 2: \"path\": \"../../etc/cron.d/x\"");
    }

    @Test
    @DisplayName("model fit refuses an absolute path and writes no model")
    void fitAbsolutePath() throws Exception {
        Path file = trace("{\"t\": 2, \"ev\": \"CREATE\", \"path\": \"/usr/lib/python3/x.py\"}");
        Path out = dir.resolve("pip.yaml");
        assertRefused(CommandResult.run("model", "fit", file.toString(), "--out", out.toString()),
                file + " line 2: \"path\": \"/usr/lib/python3/x.py\" is absolute");
        assertThat(out).doesNotExist();
    }
}
