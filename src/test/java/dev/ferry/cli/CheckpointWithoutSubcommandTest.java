package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ferry checkpoint without a subcommand is a usage error")
class CheckpointWithoutSubcommandTest {

    @Test
    @DisplayName("usage on stderr, a line saying what is missing, exit 2, nothing on stdout")
    void usageError() {
        FerryCli.Run run = FerryCli.run("checkpoint");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Usage: ferry checkpoint").contains("show")
                .contains("ferry: missing subcommand: say what to do, e.g. 'ferry checkpoint show FILE'");
    }

    @Test
    @DisplayName("--help still prints the usage on stdout with exit 0")
    void helpStillWorks() {
        FerryCli.Run run = FerryCli.run("checkpoint", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ferry checkpoint");
    }
}
