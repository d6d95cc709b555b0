package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate-small seed 3 has 3 GPU sessions; onto clusters whose GPU nodes hold 2 of them (migrate-gpu-short.yaml) one
 * is left on Peloton with nothing stranded, as dsw-3500 seed 3 leaves 3 of its 195 GPU sessions for the 192 GPUs of
 * model/clusters.yaml. results.json and report.html say why: the scheduler held it back for want of room.
 */
@DisplayName("a session the federation has no room for: left on the source, and results.json and the report say why")
class StillOnSourceEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static JsonNode migration;
    private static String html;
    private static List<String> sessions;

    @BeforeAll
    static void simulate() throws Exception {
        Path out = dir.resolve("run");
        CommandResult run = CommandResult.run("sim", "run", "src/test/resources/sim/migrate-gpu-short.yaml",
                "--seed", "3", "--out", out.toString());
        assertThat(out.resolve("results.json")).as(run.err()).isRegularFile();
        migration = JSON.readTree(out.resolve("results.json").toFile()).get("migration");
        html = Files.readString(out.resolve("report.html"));
        sessions = Files.readAllLines(out.resolve("sessions.csv"));
    }

    @Test
    @DisplayName("one GPU session stays on the source, nothing stranded, the other 39 migrate")
    void figures() {
        assertThat(migration.get("still_on_source").asInt()).isEqualTo(1);
        assertThat(migration.get("stranded").asInt()).isZero();
        assertThat(migration.get("migrated").asInt()).isEqualTo(39);
        List<String> header = List.of(sessions.get(0).split(","));
        List<String[]> left = sessions.stream().skip(1).map(l -> l.split(",", -1))
                .filter(r -> r[header.indexOf("cluster")].isEmpty()).toList();
        assertThat(left).hasSize(1);
        assertThat(left.get(0)[header.indexOf("gpu")]).isEqualTo("1");
    }

    @Test
    @DisplayName("results.json splits still_on_source by the scheduler's hold: no-capacity")
    void byReason() {
        JsonNode why = migration.get("still_on_source_by_reason");
        assertThat(why).as(migration.toPrettyString()).isNotNull();
        assertThat(why.properties()).hasSize(1);
        assertThat(why.get("no-capacity").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("the report names the session with the scheduler's sentence: no cluster has room for its GPU")
    void report() {
        assertThat(html).contains("id=\"still-on-source-sessions\"").contains("no-capacity 1")
                .containsPattern("no cluster has room for 8 CPU, 61 GiB, 1 GPU now: k8s-a1 has only 0 GPUs? free");
    }
}
