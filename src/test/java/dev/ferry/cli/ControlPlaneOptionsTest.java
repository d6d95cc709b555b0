package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code track}'s control-plane options are checked before anything is watched or written: one line, exit 2. */
class ControlPlaneOptionsTest {

    @TempDir
    Path dir;

    private CommandResult track(String... extra) throws Exception {
        Path sp = FakeInstalls.sitePackages(dir);
        String[] base = {"track", "--env", sp.toString(), "--checkpoint", dir.resolve("ck").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CommandResult.run(args);
    }

    private void assertRefused(CommandResult result, String contains) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("ferry: ").contains(contains).doesNotContain("\tat ", "Exception");
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("ck")).as("nothing written").doesNotExist();
    }

    @Test
    @DisplayName("a missing token file")
    void missingTokenFile() throws Exception {
        assertRefused(track("--control-plane", "http://127.0.0.1:9", "--token-file", dir.resolve("nope").toString(),
                "--session-id", "s1"), "--token-file " + dir.resolve("nope") + ": no such file");
    }

    @Test
    @DisplayName("an empty token file")
    void emptyTokenFile() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), " \n");
        assertRefused(track("--control-plane", "http://127.0.0.1:9", "--token-file", token.toString(),
                "--session-id", "s1"), "is empty; put the token in it");
    }

    @Test
    @DisplayName("an unreadable token file (a directory)")
    void unreadableTokenFile() throws Exception {
        assertRefused(track("--control-plane", "http://127.0.0.1:9", "--token-file", dir.toString(),
                "--session-id", "s1"), "is a directory");
    }

    @Test
    @DisplayName("a URL that is not http(s)")
    void badUrl() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "abcdefghijklmnop\n");
        assertRefused(track("--control-plane", "127.0.0.1:8080", "--token-file", token.toString(),
                "--session-id", "s1"), "give an http:// or https:// URL with a host");
        assertRefused(track("--control-plane", "ftp://127.0.0.1:8080", "--token-file", token.toString(),
                "--session-id", "s1"), "is not an http:// or https:// URL with a host");
    }

    @Test
    @DisplayName("one option without the other")
    void halfGiven() throws Exception {
        assertRefused(track("--control-plane", "http://127.0.0.1:9"), "--control-plane is given without --token-file");
    }

    @Test
    @DisplayName("a session id the control plane would refuse")
    void badSessionId() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "abcdefghijklmnop\n");
        assertRefused(track("--control-plane", "http://127.0.0.1:9", "--token-file", token.toString(),
                "--session-id", "alice@example.org"), "--session-id 'alice@example.org': a session id is");
    }

    @Test
    @DisplayName("the session id comes from --session-id, else FERRY_SESSION_ID, else it is an error")
    void sessionIdSource() {
        assertThat(ControlPlaneOptions.sessionId("a-1", "b-2")).isEqualTo("a-1");
        assertThat(ControlPlaneOptions.sessionId(null, "b-2")).isEqualTo("b-2");
        try {
            ControlPlaneOptions.sessionId(null, null);
            throw new AssertionError("no session id accepted");
        } catch (UserError e) {
            assertThat(e.getMessage()).contains("give --session-id ID or set FERRY_SESSION_ID");
            assertThat(e.exitCode()).isEqualTo(2);
        }
    }
}
