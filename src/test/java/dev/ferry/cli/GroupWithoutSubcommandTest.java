package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("a command group without a subcommand is a usage error")
class GroupWithoutSubcommandTest {

    @ParameterizedTest(name = "ferry {0}")
    @ValueSource(strings = {"checkpoint", "sim", "model", "report", "migrate"})
    @DisplayName("usage on stderr, a line saying what is missing, exit 2, nothing on stdout")
    void usageError(String group) {
        FerryCli.Run run = FerryCli.run(group);

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Usage: ferry " + group)
                .contains("ferry: missing subcommand: say what to do, e.g. 'ferry " + group + " ");
    }

    @ParameterizedTest(name = "ferry {0} --help")
    @ValueSource(strings = {"checkpoint", "sim", "model", "report", "migrate"})
    @DisplayName("--help still prints the usage on stdout with exit 0")
    void helpStillWorks(String group) {
        FerryCli.Run run = FerryCli.run(group, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ferry " + group);
    }
}
