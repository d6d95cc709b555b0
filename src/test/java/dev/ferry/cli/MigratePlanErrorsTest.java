package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import dev.ferry.testing.MockClusters;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input of {@code ferry migrate plan} gives one line on stderr saying what, where and what to do. */
@DisplayName("ferry migrate plan: errors")
class MigratePlanErrorsTest {

    @TempDir
    Path dir;

    private KubernetesMockServer a;
    private KubernetesMockServer b;
    private Path kubeconfig;
    private Path clusters;
    private Path sessions;

    @BeforeEach
    void files() throws Exception {
        a = MockClusters.crud();
        b = MockClusters.crud();
        kubeconfig = PlanFiles.kubeconfig(dir, PlanFiles.contexts("k8s-a", PlanFiles.url(a), "k8s-b",
                PlanFiles.url(b)));
        clusters = PlanFiles.write(dir, "clusters.yaml", PlanFiles.CLUSTERS);
        sessions = PlanFiles.write(dir, "sessions.yaml", PlanFiles.SESSIONS);
    }

    @AfterEach
    void stop() {
        a.destroy();
        b.destroy();
    }

    private FerryCli.Run plan(Path kube, Path clustersFile, Path sessionsFile, String... extra) {
        String[] base = {"migrate", "plan", "--kubeconfig", kube.toString(), "--clusters", clustersFile.toString(),
            "--sessions", sessionsFile.toString(), "--now", PlanFiles.NOW};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return FerryCli.run(args);
    }

    private static void assertOneLineError(FerryCli.Run run, int exitCode, String... contains) {
        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("ferry: ").contains(contains).doesNotContain("\tat ", "Exception:");
        assertThat(run.err().lines().count()).as(run.transcript()).isEqualTo(1);
    }

    @Test
    @DisplayName("a missing sessions export")
    void missingSessions() {
        assertOneLineError(plan(kubeconfig, clusters, dir.resolve("nope.yaml")), 2,
                "--sessions " + dir.resolve("nope.yaml") + ": no such file; give an export of Peloton's session jobs");
    }

    @Test
    @DisplayName("a missing kubeconfig")
    void missingKubeconfig() {
        assertOneLineError(plan(dir.resolve("kube"), clusters, sessions), 2, "--kubeconfig", "no such file");
    }

    @Test
    @DisplayName("a wrong task state names the file, the line and the field")
    void badState() throws Exception {
        Path bad = PlanFiles.write(dir, "bad.yaml", PlanFiles.SESSIONS.replace("state: KILLED", "state: GONE"));
        assertOneLineError(plan(kubeconfig, clusters, bad), 2,
                bad + " line 36: sessions[3].state: must be a Peloton task state (", "was 'GONE'");
    }

    @Test
    @DisplayName("a session without an image when there are no defaults")
    void missingImage() throws Exception {
        Path bad = PlanFiles.write(dir, "bad.yaml", PlanFiles.SESSIONS.replace(
                "  image: registry.example/jupyter:2026.11\n", ""));
        assertOneLineError(plan(kubeconfig, clusters, bad), 2, bad + " line 6: sessions[0]: missing field 'image'");
    }

    @Test
    @DisplayName("a kubeconfig that does not read as one")
    void unusableKubeconfig() throws Exception {
        Path garbage = PlanFiles.write(dir, "garbage", "clusters: [unclosed\n  - {\n");
        assertOneLineError(plan(garbage, clusters, sessions), 2, "--kubeconfig " + garbage
                + ": not a usable kubeconfig (");
    }

    @Test
    @DisplayName("a cluster that is not a context of the kubeconfig")
    void unknownContext() throws Exception {
        Path other = PlanFiles.write(dir, "other.yaml", PlanFiles.CLUSTERS.replace("k8s-b", "k8s-c"));
        assertOneLineError(plan(kubeconfig, other, sessions), 2,
                "--kubeconfig " + kubeconfig + " has no context 'k8s-c' (it has: k8s-a, k8s-b); every cluster name in "
                        + other + " must be a context name of the kubeconfig");
    }

    @Test
    @DisplayName("a cluster that does not answer: the plan of what could be read, then one line naming the cluster"
            + " and its server, exit 1")
    void unreachable() throws Exception {
        // port 1 (tcpmux): privileged and unused, so no concurrently running test can be listening there
        int closedPort = 1;
        Path kube = PlanFiles.kubeconfig(dir, PlanFiles.contexts("k8s-a", PlanFiles.url(a), "k8s-b",
                "http://127.0.0.1:" + closedPort));
        FerryCli.Run run = plan(kube, clusters, sessions);
        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.out()).startsWith("Migration plan at ").contains("Clusters that could not be read: k8s-b");
        assertThat(run.err()).startsWith("ferry: ").contains("cluster k8s-b (context k8s-b, http://127.0.0.1:"
                + closedPort + "/): list session jobs in namespace ferry-sessions failed without an answer",
                "check that the cluster is reachable", "the plan above is of what could be read")
                .doesNotContain("\tat ", "Exception:");
        assertThat(run.err().lines().count()).as(run.transcript()).isEqualTo(1);
    }

    @Test
    @DisplayName("an instant that is not ISO-8601, and a window that is not cron")
    void badOptions() {
        assertOneLineError(plan(kubeconfig, clusters, sessions, "--deadline", "friday"), 2,
                "--deadline must be an ISO-8601 instant such as 2026-11-30T18:00:00Z, was 'friday'");
        assertOneLineError(plan(kubeconfig, clusters, sessions, "--window", "nights"), 2,
                "--window 'nights' is not a cron window: expected 5 fields");
    }

    @Test
    @DisplayName("a budget option out of range is named as typed, never as the Java field behind it")
    void budgetOptionsNamedAsTyped() {
        assertOneLineError(plan(kubeconfig, clusters, sessions, "--max-team-share", "2"), 2,
                "--max-team-share must be more than 0 and at most 1 (e.g. 0.25 for 25%), was 2.0");
        assertOneLineError(plan(kubeconfig, clusters, sessions, "--max-concurrent", "-1"), 2,
                "--max-concurrent must be 0 or more (0 pauses the migrations it covers), was -1");
        assertOneLineError(plan(kubeconfig, clusters, sessions, "--max-per-cluster", "-3"), 2,
                "--max-per-cluster must be 0 or more (0 pauses the migrations it covers), was -3");
        assertOneLineError(plan(kubeconfig, clusters, sessions, "--window", "* 25 * * *"), 2,
                "--window '* 25 * * *' is not a cron window: hour");
        assertOneLineError(plan(kubeconfig, clusters, sessions, "--namespace", "Ferry_Sessions"), 2,
                "--namespace 'Ferry_Sessions' is not a Kubernetes namespace name (a DNS-1123 label");
        for (String[] options : new String[][] {{"--max-team-share", "0"}, {"--max-concurrent", "-1"},
            {"--max-per-cluster", "-1"}, {"--window", "x"}, {"--namespace", "A"}, {"--idle-threshold", "0"},
            {"--notice-hours", "-1"}}) {
            assertThat(plan(kubeconfig, clusters, sessions, options).err()).as(options[0])
                    .doesNotContainPattern("\\b(max|idle|notice|dead)[a-z]*[A-Z][A-Za-z]*\\b")
                    .contains(options[0]);
        }
    }
}
