package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.MockClusters;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that goes through fabric8 and Vert.x (which log through SLF4J) prints nothing on stderr but Ferry's
 * own messages. Run in a fresh JVM with the same class path, as {@code bin/ferry} would: SLF4J looks for its
 * provider once per JVM, so only a new one shows what a user sees.
 */
class NoLoggingNoiseTest {

    @TempDir
    Path dir;

    private KubernetesMockServer a;
    private KubernetesMockServer b;

    @BeforeEach
    void start() {
        a = MockClusters.crud();
        b = MockClusters.crud();
    }

    @AfterEach
    void stop() {
        a.destroy();
        b.destroy();
    }

    @Test
    @DisplayName("migrate plan against two clusters: the plan on stdout, no SLF4J warnings on stderr")
    void migratePlanInItsOwnJvm() throws Exception {
        Path kubeconfig = PlanFiles.kubeconfig(dir, PlanFiles.contexts("k8s-a", PlanFiles.url(a), "k8s-b",
                PlanFiles.url(b)));
        Path clusters = PlanFiles.write(dir, "clusters.yaml", PlanFiles.CLUSTERS);
        Path sessions = PlanFiles.write(dir, "sessions.yaml", PlanFiles.SESSIONS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "migrate", "plan", "--kubeconfig", kubeconfig.toString(), "--clusters",
                clusters.toString(), "--sessions", sessions.toString(), "--now", PlanFiles.NOW))
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished within 2 minutes").isTrue();
        String out = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isZero();
        assertThat(out).contains("Migration plan at " + PlanFiles.NOW);
        // only SLF4J's lines: under load Vert.x may still warn of a blocked event loop (through java.util.logging)
        assertThat(err.lines()).as(err).noneMatch(line -> line.contains("SLF4J"));
    }
}
