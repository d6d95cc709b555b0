package dev.ferry.tracker.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The checkpoint file format: readable lines, the difference against the baseline, and a checksum that catches damage. */
class CheckpointFormatTest {

    static final PackageSet BASELINE = PackageSet.of(Map.of("pip", "23.2.1", "setuptools", "65.5.0", "click", "8.4.0"));
    static final PackageSet CURRENT = PackageSet.of(Map.of("pip", "23.2.1", "setuptools", "66.1.1", "numpy", "2.4.6"));
    static final Checkpoint CHECKPOINT = new Checkpoint(7, 1_795_882_938_028L, List.of(
            new EnvironmentState("/home/jovyan/venv/lib/python3.11/site-packages", EnvironmentKind.PYTHON, BASELINE, CURRENT),
            new EnvironmentState("/home/jovyan/R/library", EnvironmentKind.R,
                    PackageSet.of(Map.of("Rcpp", "1.0.12")), PackageSet.of(Map.of("Rcpp", "1.0.12", "data.table", "1.15.0")))));

    @Test
    @DisplayName("records the baseline and what was added, removed and changed, and reads back the same checkpoint")
    void roundTrip() throws CheckpointException {
        String text = CheckpointFormat.encode(CHECKPOINT);
        assertThat(text).contains("generation 7\n", "written 2026-11-28T16:22:18.028Z\n",
                "environment python /home/jovyan/venv/lib/python3.11/site-packages\n",
                "baseline click 8.4.0\n", "added numpy 2.4.6\n", "removed click 8.4.0\n",
                "changed setuptools 65.5.0 66.1.1\n", "environment r /home/jovyan/R/library\n", "added data.table 1.15.0\n");
        assertThat(text).doesNotContain("baseline numpy");
        assertThat(CheckpointFormat.decode(text, "ck")).isEqualTo(CHECKPOINT);
    }

    @Test
    @DisplayName("the full set is the baseline with the difference applied, the first environment winning on a name")
    void fullSet() {
        assertThat(CHECKPOINT.packages().toRequirementLines()).isEqualTo(
                "Rcpp==1.0.12\ndata.table==1.15.0\nnumpy==2.4.6\npip==23.2.1\nsetuptools==66.1.1\n");
    }

    @Test
    @DisplayName("a checkpoint cut short anywhere is reported as truncated")
    void truncated() {
        String text = CheckpointFormat.encode(CHECKPOINT);
        for (int cut : new int[] {text.length() - 1, text.length() - 30, text.length() / 2, 10}) {
            assertThatThrownBy(() -> CheckpointFormat.decode(text.substring(0, cut), "ck"))
                    .isInstanceOf(CheckpointException.class).hasMessageContaining("ck is truncated");
        }
    }

    @Test
    @DisplayName("one changed character is reported as damage")
    void damaged() {
        String text = CheckpointFormat.encode(CHECKPOINT).replace("added numpy 2.4.6", "added numpy 2.4.7");
        assertThatThrownBy(() -> CheckpointFormat.decode(text, "ck"))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("ck is damaged");
    }

    @Test
    @DisplayName("a file that is not a checkpoint says so")
    void notACheckpoint() {
        assertThatThrownBy(() -> CheckpointFormat.decode("numpy==2.4.6\n", "requirements.txt"))
                .hasMessage("requirements.txt is not a Ferry checkpoint (no 'ferry-checkpoint' line)");
    }

    @Test
    @DisplayName("a malformed line with a valid checksum is reported with its line number")
    void malformedLineWithValidChecksum() {
        String body = "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\n"
                + "environment python /x\nbaseline pip 23.2.1\nadded numpy\nend\n";
        String text = withChecksum(body);
        assertThatThrownBy(() -> CheckpointFormat.decode(text, "ck"))
                .hasMessage("ck line 6: expected 'added NAME VERSION', found 'added numpy'");
    }

    @Test
    @DisplayName("an entry line of only spaces, or one starting with a space, is a malformed line, not a crash")
    void blankOrIndentedEntryLine() {
        for (String line : List.of("   ", " numpy 2.4.6")) {
            String body = "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\n"
                    + "environment python /x\nbaseline pip 23.2.1\n" + line + "\nend\n";
            String text = withChecksum(body);
            assertThatThrownBy(() -> CheckpointFormat.decode(text, "ck")).isInstanceOf(CheckpointException.class)
                    .hasMessage("ck line 6: expected 'baseline', 'added', 'removed' or 'changed' and a package, or"
                            + " 'end', found '" + line + "'");
        }
    }

    @Test
    @DisplayName("a written time too far out to hold in milliseconds is a malformed line, not a crash")
    void writtenTimeOutOfRange() {
        String body = "ferry-checkpoint 1\ngeneration 3\nwritten +999999999-12-31T23:59:59Z\n"
                + "environment python /x\nbaseline pip 23.2.1\nend\n";
        String text = withChecksum(body);
        assertThatThrownBy(() -> CheckpointFormat.decode(text, "ck")).isInstanceOf(CheckpointException.class)
                .hasMessage("ck line 3: '+999999999-12-31T23:59:59Z' is too far from today to be a checkpoint's time");
        assertThatThrownBy(() -> CheckpointFormat.verify(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "ck"))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("too far from today");
    }

    @Test
    @DisplayName("a difference that contradicts its baseline is rejected")
    void contradictoryDifference() {
        String body = "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\n"
                + "environment python /x\nbaseline pip 23.2.1\nremoved numpy 1.0\nend\n";
        String text = withChecksum(body);
        assertThatThrownBy(() -> CheckpointFormat.decode(text, "ck"))
                .hasMessageContaining("'removed numpy' but numpy is not in the baseline");
    }

    @Test
    @DisplayName("names or versions with whitespace cannot be written")
    void whitespaceRefused() {
        Checkpoint bad = new Checkpoint(1, 0, List.of(new EnvironmentState("/x", EnvironmentKind.PYTHON,
                PackageSet.EMPTY, PackageSet.of(Map.of("evil", "1.0 --index-url http://x")))));
        assertThatThrownBy(() -> CheckpointFormat.encode(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A checkpoint body with its checksum line, as the tracker writes it. */
    private static String withChecksum(String body) {
        return body + "sha256 " + CheckpointFormat.sha256(body) + "\n";
    }
}
