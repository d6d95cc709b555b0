package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotAndReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("snapshot prints sorted name==version lines")
    void snapshot() throws Exception {
        Path sp = Files.createDirectories(dir.resolve("site-packages"));
        for (String dist : List.of("Jinja2-3.1.6", "certifi-2026.5.20")) {
            Files.createDirectories(sp.resolve(dist + ".dist-info"));
            Files.writeString(sp.resolve(dist + ".dist-info/RECORD"), "");
        }
        CommandResult result = CommandResult.run("snapshot", "--env", sp.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("certifi==2026.5.20\njinja2==3.1.6\n");
    }

    @Test
    @DisplayName("replay prints one line per checkpoint, then a summary that meets the targets with --check")
    void replay() throws Exception {
        CommandResult result = CommandResult.run("replay", "--check", "src/test/resources/traces/pip-session-a.jsonl");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("t").asLong()).isEqualTo(1005635714L);
        assertThat(first.get("packages").get("pip").asText()).isEqualTo("23.2.1");
        JsonNode summary = json.readTree(lines.get(lines.size() - 1)).get("summary");
        assertThat(summary.get("exact_at_quiescence").asDouble()).isEqualTo(1.0);
        assertThat(summary.get("amplification").asDouble()).isLessThanOrEqualTo(1.3);
        assertThat(summary.get("latency_ms").get("p50").asDouble()).isLessThanOrEqualTo(150);
        assertThat(summary.get("latency_ms").get("max").asDouble()).isLessThanOrEqualTo(500);
        assertThat(lines).hasSize(summary.get("checkpoints").asInt() + 2);
    }

    @Test
    @DisplayName("replay --check exits 1 when a target is missed, as with a 500 ms quiet period")
    void replayCheckFails() {
        CommandResult result = CommandResult.run("replay", "--check", "--summary-only", "--quiet-ms", "500",
                "src/test/resources/traces/pip-session-a.jsonl");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("\"meets_targets\":false");
    }
}
