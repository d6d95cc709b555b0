package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease, ready-file and activity options of {@code track} and {@code serve --lease-ttl}: one line, exit 2. */
class AgentOptionsErrorsTest {

    @TempDir
    Path dir;

    private Path sp;
    private Path token;

    @BeforeEach
    void files() throws Exception {
        sp = FakeInstalls.sitePackages(dir);
        token = Files.writeString(dir.resolve("token"), "session-token-0123456789\n");
    }

    private FerryCli.Run track(boolean controlPlane, String... extra) {
        List<String> args = new ArrayList<>(List.of("track", "--env", sp.toString(), "--checkpoint",
                dir.resolve("ck").toString()));
        if (controlPlane) {
            args.addAll(List.of("--control-plane", "http://127.0.0.1:1", "--token-file", token.toString(),
                    "--session-id", "alice-1"));
        }
        args.addAll(List.of(extra));
        return FerryCli.run(args.toArray(String[]::new));
    }

    private static void assertOneLine(FerryCli.Run run, String message) {
        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ferry: " + message + "\n");
    }

    @Test
    @DisplayName("a lease without a control plane, or without an instance name")
    void leaseOptions() {
        assertOneLine(track(false, "--place", "k8s-a", "--instance", "pod-1"),
                "--place needs --control-plane URL --token-file FILE: the lease is the control plane's");
        assertOneLine(track(true, "--place", "k8s-a"), "--place needs this instance's name: give --instance I (e.g."
                + " the pod's name) or set FERRY_INSTANCE");
        assertOneLine(track(true, "--instance", "pod-1"), "--instance is given without --place; give where this"
                + " instance runs ('source' or the cluster's name) with --place or FERRY_PLACE");
        assertThat(track(true, "--place", "k8s a", "--instance", "pod-1").err())
                .startsWith("ferry: --place 'k8s a' / --instance 'pod-1': a lease holder's place and instance:");
        assertOneLine(track(true, "--place", "k8s-a", "--instance", "pod-1", "--lease-renew-every", "soon"),
                "--lease-renew-every 'soon' is not a duration; write a whole number and a unit, e.g. 500ms, 30s, 5m"
                        + " or 2h");
        assertOneLine(track(true, "--place", "k8s-a", "--instance", "pod-1", "--lease-retry-every", "2h"),
                "--lease-retry-every 2h is out of range: it must be from 100ms to 1h");
        assertThat(dir.resolve("ck")).doesNotExist();
    }

    @Test
    @DisplayName("a ready file in a folder that does not exist")
    void readyFile() {
        Path ready = dir.resolve("nope/ready");
        assertOneLine(track(false, "--ready-file", ready.toString()),
                "--ready-file " + ready + ": not a file in a writable directory");
    }

    @Test
    @DisplayName("activity without a control plane or a Jupyter token, and a token file that is empty")
    void activityOptions() throws Exception {
        Path jupyterToken = Files.writeString(dir.resolve("jt"), "");
        assertOneLine(track(false, "--activity-from", "http://127.0.0.1:8888/", "--jupyter-token-file",
                jupyterToken.toString()), "--activity-from needs --control-plane URL --token-file FILE: activity is"
                + " forwarded there");
        assertOneLine(track(true, "--activity-from", "http://127.0.0.1:8888/"), "--activity-from needs"
                + " --jupyter-token-file FILE, the file holding the Jupyter Server's token");
        assertOneLine(track(true, "--jupyter-token-file", jupyterToken.toString()),
                "--jupyter-token-file is given without --activity-from; give both or neither");
        assertOneLine(track(true, "--activity-from", "http://127.0.0.1:8888/", "--jupyter-token-file",
                jupyterToken.toString()), "--jupyter-token-file " + jupyterToken + " is empty; put the token in it");
        assertOneLine(track(true, "--activity-from", "ftp://127.0.0.1:8888", "--jupyter-token-file",
                token.toString()), "--activity-from: 'ftp://127.0.0.1:8888' is not an http:// or https:// URL with a"
                + " host; give one, e.g. http://127.0.0.1:8888");
    }

    @Test
    @DisplayName("serve --lease-ttl that is not a duration, or out of range")
    void leaseTtl() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), "admin-token-0123456789 admin\n");
        FerryCli.Run word = FerryCli.run("serve", "--listen", "127.0.0.1:0", "--data", dir.resolve("data").toString(),
                "--tokens", tokens.toString(), "--lease-ttl", "five");
        assertOneLine(word, "--lease-ttl 'five' is not a duration; write a whole number and a unit, e.g. 500ms, 30s,"
                + " 5m or 2h");
        FerryCli.Run zero = FerryCli.run("serve", "--listen", "127.0.0.1:0", "--data", dir.resolve("data").toString(),
                "--tokens", tokens.toString(), "--lease-ttl", "0s");
        assertOneLine(zero, "--lease-ttl 0s is out of range: it must be from 1s to 24h");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
