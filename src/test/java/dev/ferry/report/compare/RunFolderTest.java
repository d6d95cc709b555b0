package dev.ferry.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("reads the disruption columns by name and the hourly migration series")
    void withSeries() throws IOException {
        Path folder = RunFixtures.run(dir.resolve("r"), "migrate-small", "rolling", 3)
                .writeWithSeries(new double[] {0, 12.5}, new double[] {20, 31.25}, RunFixtures.migrationCurve(2, 1));

        RunData run = RunFolder.read(folder);

        assertThat(run.key()).isEqualTo(new RunKey("migrate-small", "rolling", 3));
        assertThat(run.disruptions().userVisible()).containsExactly(0, 12.5);
        assertThat(run.disruptions().total()).containsExactly(20, 31.25);
        assertThat(run.curves().column("done")).startsWith(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2);
    }

    @Test
    @DisplayName("results from before the series existed still read, saying what they lack")
    void oldResults() throws IOException {
        Path folder = RunFixtures.run(dir.resolve("old"), "dsw-3500", null, 1).write();
        Files.writeString(folder.resolve("sessions.csv"), "session,kind\n1,jupyter\n");

        RunData run = RunFolder.read(folder);

        assertThat(run.key().strategy()).isNull();
        assertThat(run.disruptions().present()).isFalse();
        assertThat(run.disruptions().absentBecause())
                .isEqualTo("its sessions.csv has no disruption_user_visible_s and disruption_total_s columns");
        assertThat(run.curves().absentBecause()).isEqualTo("it has no series/migration_hourly.csv");
    }

    @Test
    @DisplayName("a malformed series is an error naming the file and line, not an empty chart")
    void malformed() throws IOException {
        Path folder = RunFixtures.run(dir.resolve("bad"), "migrate-small", "rolling", 1)
                .writeWithSeries(new double[] {1}, new double[] {2}, RunFixtures.migrationCurve(1, 1));
        Files.writeString(folder.resolve("series/migration_hourly.csv"),
                "hour,on_source,migrating,done,rolled_back,waiting_for_capacity,in_flight\n0,1,0,0,0,0,x\n");

        assertThatThrownBy(() -> RunFolder.read(folder)).isInstanceOf(IOException.class)
                .hasMessage(folder.resolve("series/migration_hourly.csv") + " line 2: 'x' is not a number");
    }

    @Test
    @DisplayName("a results.json that names no scenario is refused")
    void noScenario() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("x"));
        Files.writeString(folder.resolve("results.json"), "{\"seed\": 1}");

        assertThatThrownBy(() -> RunFolder.read(folder)).hasMessageContaining("names no scenario and seed");
    }
}
