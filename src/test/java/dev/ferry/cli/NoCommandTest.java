package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code ferry} with no command is a usage error, like an unknown option: usage on stderr, exit 2. */
class NoCommandTest {

    @Test
    @DisplayName("no command prints the usage to stderr and exits 2")
    void noCommand() {
        CommandResult result = CommandResult.run();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("ferry: no command given").contains("Usage: ferry", "Commands:");
    }

    @Test
    @DisplayName("--help still prints the usage to stdout and exits 0")
    void helpIsNotAnError() {
        CommandResult result = CommandResult.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: ferry");
        assertThat(result.err()).isEmpty();
    }
}
