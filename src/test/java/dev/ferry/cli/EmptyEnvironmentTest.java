package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --env ''} (typically an unset shell variable) would otherwise mean the current folder; it is refused
 * instead, before anything is read or written.
 */
class EmptyEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("snapshot --env '' is refused with one line and exit 2")
    void snapshot() {
        CommandResult result = CommandResult.run("snapshot", "--env", "");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("ferry: --env is empty; give a venv's site-packages or an R library"
                + " (write '.' for the current folder)\n");
    }

    @Test
    @DisplayName("track --env '' is refused with one line and exit 2, and writes no checkpoint")
    void track() {
        Path checkpoint = dir.resolve("ck");
        CommandResult result = CommandResult.run("track", "--env", "", "--checkpoint", checkpoint.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("ferry: --env is empty;").hasLineCount(1);
        assertThat(checkpoint).doesNotExist();
    }
}
