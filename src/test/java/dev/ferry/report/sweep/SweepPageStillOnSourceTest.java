package dev.ferry.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the sweep report says which runs leave sessions on the source, and why")
class SweepPageStillOnSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BASE = Path.of("/sweep").toAbsolutePath();

    private static SweepRunData run(int index, long seed, String migration) throws Exception {
        JsonNode results = JSON.readTree("{\"wall_s\": 1.0, \"migration\": " + migration + "}");
        return new SweepRunData(BASE.resolve("runs/r" + index), index, Map.of("budgets.max_concurrent", "50"), seed,
                results);
    }

    @Test
    @DisplayName("a run's still_on_source comes with its reasons; one without any is a plain 0")
    void perRun() throws Exception {
        assertThat(run(2, 3, "{\"still_on_source\": 3, \"still_on_source_by_reason\": {\"no-capacity\": 3}}")
                .stillOnSource()).isEqualTo("3 (no-capacity 3)");
        assertThat(run(0, 1, "{\"still_on_source\": 0}").stillOnSource()).isEqualTo("0");
        assertThat(new SweepRunData(BASE, 0, Map.of(), 1, JSON.readTree("{}")).stillOnSource()).isEmpty();
    }

    @Test
    @DisplayName("the page names the runs left with sessions on the source, with the reasons")
    void page() throws Exception {
        List<SweepRunData> runs = List.of(run(0, 1, "{\"still_on_source\": 0}"), run(1, 2, "{\"still_on_source\": 0}"),
                run(2, 3, "{\"still_on_source\": 3, \"still_on_source_by_reason\": {\"no-capacity\": 3}}"));
        String html = SweepPage.html("s", SettingSummary.of(runs), runs, BASE, "");

        assertThat(html).contains("1 of 3 run(s) end with sessions still on the source")
                .contains("3 (no-capacity 3) in seed 3 (#2)").contains("<th>still on the source (why)</th>");
    }

    @Test
    @DisplayName("without any, the page says none is left")
    void none() throws Exception {
        List<SweepRunData> runs = List.of(run(0, 1, "{\"still_on_source\": 0}"));
        assertThat(SweepPage.html("s", SettingSummary.of(runs), runs, BASE, ""))
                .contains("No run leaves a session on the source at the end.");
    }
}
