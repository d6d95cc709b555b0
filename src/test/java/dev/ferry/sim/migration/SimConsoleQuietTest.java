package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small migration under API errors and an outage prints nothing on standard error: no "Connection evicted" from
 * Vert.x's client each time a mocked cluster drops a connection, no Netty notice of a close reported after its event
 * loop stopped, no blocked-event-loop warning from fabric8's first (de)serialization. Run as {@code bin/ferry} runs
 * it, in a fresh JVM, since java.util.logging is configured once per JVM.
 */
class SimConsoleQuietTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("ferry sim run of a migration under faults: its summary on stdout, nothing on stderr")
    void quietUnderFaults() throws Exception {
        Path err = dir.resolve("stderr");
        Path out = dir.resolve("stdout");
        Process run = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.Main", "sim", "run",
                "src/test/resources/sim/migrate-faults-short.yaml", "--seed", "1", "--out",
                dir.resolve("run").toString()))
                .redirectError(err.toFile()).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!run.waitFor(10, TimeUnit.MINUTES)) {
            run.destroyForcibly().waitFor();
            throw new AssertionError("the run did not end within 10 min");
        }

        assertThat(run.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out)).contains("migration idle-aware: 16 migrated", "rolled back");
        assertThat(Files.readString(err)).isEmpty();
    }
}
