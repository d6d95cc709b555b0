package dev.ferry.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    @TempDir
    Path dir;

    private Path trace(String text) throws Exception {
        return Files.writeString(dir.resolve("t.jsonl"), text);
    }

    @Test
    @DisplayName("reads file events and markers")
    void reads() throws Exception {
        var lines = TraceReader.read(trace("""
                {"t": 1, "op": "begin", "installed": {"pip": "23.2.1"}}
                {"t": 2, "op": "start", "step": 0, "cmd": ["install", "x"]}
                {"t": 3, "ev": "MOVED_TO,ISDIR", "path": "x"}
                {"t": 4, "op": "end", "step": 0, "cmd": ["install", "x"], "rc": 0}
                """));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).isInstanceOfSatisfying(TraceLine.FileEvent.class, e -> {
            assertThat(e.has("MOVED_TO")).isTrue();
            assertThat(e.isDirectory()).isTrue();
        });
        assertThat(((TraceLine.Marker) lines.get(3)).exitCode()).isZero();
    }

    @Test
    @DisplayName("a line that is not JSON is reported with its number")
    void badJson() throws Exception {
        Path file = trace("{\"t\": 1, \"ev\": \"CREATE\", \"path\": \"a\"}\n{\"t\": 2, \"ev\": CREATE}\n");
        assertThatThrownBy(() -> TraceReader.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(file + " line 2: not JSON");
    }

    @Test
    @DisplayName("missing fields, unknown markers and time going back are each reported with the line")
    void badFields() throws Exception {
        assertThatThrownBy(() -> TraceReader.read(trace("{\"ev\": \"CREATE\", \"path\": \"a\"}\n")))
                .hasMessageContaining("line 1: missing or non-integer \"t\"");
        assertThatThrownBy(() -> TraceReader.read(trace("{\"t\": 1, \"op\": \"pause\"}\n")))
                .hasMessageContaining("line 1: expected \"ev\"");
        assertThatThrownBy(() -> TraceReader.read(trace(
                "{\"t\": 5, \"ev\": \"CREATE\", \"path\": \"a\"}\n{\"t\": 4, \"ev\": \"CREATE\", \"path\": \"b\"}\n")))
                .hasMessageContaining("line 2: time 4 is earlier");
        assertThatThrownBy(() -> TraceReader.read(trace("{\"t\": 1, \"op\": \"state\", \"step\": 0}\n")))
                .hasMessageContaining("needs \"installed\"");
    }

    @Test
    @DisplayName("an event kind inotifywait does not print is refused, with the kinds allowed")
    void unknownEventKind() throws Exception {
        Path file = trace("{\"t\": 1, \"ev\": \"CREATE\", \"path\": \"a\"}\n{\"t\": 2, \"ev\": \"CRAETE,ISDIR\", \"path\": \"b\"}\n");
        assertThatThrownBy(() -> TraceReader.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(file + " line 2: unknown event kind 'CRAETE' in \"ev\": \"CRAETE,ISDIR\";")
                .hasMessageContaining("allowed: inotifywait's names, comma-joined: CREATE, MODIFY");
    }

    @Test
    @DisplayName("a path outside the environment (absolute, or climbing out with ..) is refused")
    void pathOutsideTheEnvironment() throws Exception {
        for (String path : new String[] {"../../etc/passwd", "numpy/../../x", "/etc/passwd", ".."}) {
            Path file = trace("{\"t\": 1, \"ev\": \"CREATE\", \"path\": \"" + path + "\"}\n");
            assertThatThrownBy(() -> TraceReader.read(file)).as(path).isInstanceOf(TraceFormatException.class)
                    .hasMessageStartingWith(file + " line 1: \"path\": \"" + path + "\"")
                    .hasMessageContaining("a path must be relative to site-packages and stay inside it");
        }
    }

    @Test
    @DisplayName("paths inside the environment are fine, including the environment itself and names with dots")
    void pathsInside() throws Exception {
        var lines = TraceReader.read(trace("""
                {"t": 1, "ev": "CREATE", "path": "numpy/__init__.py"}
                {"t": 2, "ev": "CREATE", "path": "..hidden/x"}
                {"t": 3, "ev": "DELETE_SELF", "path": "."}
                """));
        assertThat(lines).hasSize(3);
    }
}
