package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry serve} refuses what it cannot serve with one line and exit 2, before it serves anything. */
class ServeErrorsTest {

    @TempDir
    Path dir;
    Path tokens;

    @BeforeEach
    void tokens() throws IOException {
        tokens = Files.writeString(dir.resolve("tokens"), "admin-token-0123456789 admin\n");
    }

    private static void assertOneLine(FerryCli.Run run, String... parts) {
        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.transcript()).hasSize(1);
        assertThat(run.err()).contains(parts);
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("a port already taken is named, with what to do")
    void portTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String listen = "127.0.0.1:" + taken.getLocalPort();
            assertOneLine(FerryCli.run("serve", "--listen", listen, "--data", dir.resolve("d").toString(),
                    "--tokens", tokens.toString()), "cannot listen on " + listen, "choose another --listen");
        }
    }

    @Test
    @DisplayName("a --data that is a file is refused")
    void dataIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertOneLine(FerryCli.run("serve", "--listen", "127.0.0.1:0", "--data", file.toString(),
                "--tokens", tokens.toString()), "--data " + file);
    }

    @Test
    @DisplayName("a --data folder another server holds is refused, saying so")
    void dataInUse() throws Exception {
        Path data = Files.createDirectories(dir.resolve("held"));
        var held = dev.ferry.api.store.SqliteSessionStore.open(data);
        try {
            assertOneLine(FerryCli.run("serve", "--listen", "127.0.0.1:0", "--data", data.toString(),
                    "--tokens", tokens.toString()), "in use by another ferry serve");
        } finally {
            held.close();
        }
    }

    @Test
    @DisplayName("a bad line of the token file is named by file and line")
    void badTokenFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-tokens"), "# ok\nadmin-token-0123456789 admin\nshort admin\n");
        assertOneLine(FerryCli.run("serve", "--listen", "127.0.0.1:0", "--data", dir.resolve("d").toString(),
                "--tokens", bad.toString()), bad + ":3:", "16 to 256 characters");
    }

    @Test
    @DisplayName("a missing token file and a --listen without a port are refused")
    void missingTokensAndBadListen() {
        assertOneLine(FerryCli.run("serve", "--data", dir.resolve("d").toString(), "--tokens",
                dir.resolve("none").toString()), "no such file");
        assertOneLine(FerryCli.run("serve", "--listen", "localhost", "--data", dir.resolve("d").toString(),
                "--tokens", tokens.toString()), "not HOST:PORT");
    }
}
