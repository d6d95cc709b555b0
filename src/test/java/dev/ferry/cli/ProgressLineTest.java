package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.tracker.restore.RestoreProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("restore's progress line: on a terminal only")
class ProgressLineTest {

    @Test
    @DisplayName("on a terminal: how many packages of how many, and how many pip commands")
    void onATerminal() {
        StringWriter err = new StringWriter();
        RestoreProgress progress = ProgressLine.forTerminal(true, new PrintWriter(err));

        progress.update(0, 2500, 0);
        progress.update(1200, 2500, 3);

        assertThat(err.toString()).isEqualTo("restoring: 0 of 2500 packages, 0 pip commands\n"
                + "restoring: 1200 of 2500 packages, 3 pip commands\n");
    }

    @Test
    @DisplayName("not on a terminal (a script, a log, a test): nothing")
    void notOnATerminal() {
        StringWriter err = new StringWriter();

        ProgressLine.forTerminal(false, new PrintWriter(err)).update(5, 10, 1);

        assertThat(err.toString()).isEmpty();
    }
}
