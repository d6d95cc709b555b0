package dev.ferry.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload is checked against the heap before it runs: one that cannot fit is refused, saying what would. */
class HeapEstimateTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    private Workload workload(int sessions, double days, boolean migrates) throws Exception {
        return workload(sessions, days, migrates, "");
    }

    private Workload workload(int sessions, double days, boolean migrates, String extra) throws Exception {
        Path file = Path.of(migrates ? "workloads/dsw-3500-migration.yaml" : "workloads/dsw-3500.yaml");
        String text = Files.readString(file).replace("sessions: 3500", "sessions: " + sessions)
                .replace("days: 7", "days: " + days).replace("../model/", Path.of("model").toAbsolutePath() + "/");
        if (migrates) {
            text = text.replace("deadline_hour: 112", "deadline_hour: " + (days * 24));
        }
        return WorkloadReader.read(Files.writeString(dir.resolve("w.yaml"), text + extra));
    }

    @Test
    @DisplayName("every shipped workload fits the 2 GiB that bin/ferry gives the JVM, but the scale workload (scale-*), which fits 16 GiB")
    void shippedWorkloadsFit() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("workloads"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            assertThat(file).satisfies(f -> {
                Workload w = WorkloadReader.read(f);
                long heap = f.getFileName().toString().startsWith("scale-") ? 16 * GIB : 2 * GIB;
                assertThat(HeapEstimate.bytes(w)).as(f.toString()).isLessThan(heap);
                HeapEstimate.check(w, f, heap);
            });
        }
    }

    @Test
    @DisplayName("100,000 sessions for a year is refused with the need, the heap, what fits and FERRY_JAVA_OPTS")
    void yearOfAHundredThousand() throws Exception {
        Workload w = workload(100_000, 365, false);
        assertThatThrownBy(() -> HeapEstimate.check(w, Path.of("big.yaml"), 2 * GIB))
                .isInstanceOf(ConfigException.class)
                .hasMessage("big.yaml: 100,000 sessions over 365 days need about 341.1 GiB of heap, more than this"
                        + " JVM's 2.0 GiB (at most about 583 sessions of 365 days fit); give the JVM more with"
                        + " FERRY_JAVA_OPTS=-Xmx343g, or simulate fewer sessions or days");
    }

    @Test
    @DisplayName("the estimate covers the live heap measured on generated workloads, by at most a fifth")
    void coversTheMeasurements() throws Exception {
        // sessions, days, migration, live heap after a full GC at its peak (MiB), from HeapEstimate's Javadoc
        Object[][] measured = {{100, 7, false, 24.3}, {400, 7, false, 75.3}, {3500, 7, false, 604.1},
            {400, 1, false, 57.3}, {3500, 1, false, 449.2}, {10_000, 1, false, 1262.8}, {30_000, 1, false, 3769.4},
            {100_000, 1, false, 12524.8}, {400, 14, false, 90.6}, {100, 28, false, 34.0}, {100, 7, true, 78.1},
            {400, 7, true, 147.2}, {100, 14, true, 81.6}, {3500, 7, true, 849.1}, {100, 7, false, 58.5, 5.0}};
        for (Object[] m : measured) {
            String rate = m.length > 4 ? "overrides: {operations_per_active_hour: " + m[4] + "}\n" : "";
            Workload w = workload((int) m[0], (int) m[1], (boolean) m[2], rate);
            double live = HeapEstimate.bytes(w) / HeapEstimate.HEADROOM / MIB;
            assertThat(live).as(m[0] + " sessions, " + m[1] + " days, migration " + m[2])
                    .isBetween((double) m[3], (double) m[3] * 1.2);
        }
    }
}
