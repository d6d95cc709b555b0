package dev.ferry.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

    private static JsonNode results(double amplification, double p50, long lost) throws Exception {
        return new ObjectMapper().readTree("""
                {"scenario": "dsw-3500", "seed": 1, "sessions": 3500, "events": 1000, "wall_s": 30,
                 "coalescing": {"exact_at_quiescence": 1.0, "amplification": %s,
                   "latency_ms": {"p50": %s, "p99": 60, "max": 70}, "lost_packages_at_restart": %d},
                 "budgets": [{"name": "a", "pass": true}, {"name": "b", "pass": %s}]}
                """.formatted(amplification, p50, lost, lost == 0));
    }

    @Test
    @DisplayName("shows each figure per run, marks changes against the baseline better or worse, and inlines the charts")
    void sideBySide() throws Exception {
        String html = ComparisonReport.html(List.of(
                new ComparisonReport.Run("dsw-3500-seed1", results(1.2, 40, 0), results(1.1, 50, 0)),
                new ComparisonReport.Run("dsw-3500-seed2", results(1.0, 50, 3), null)));
        assertThat(html).contains("<th>dsw-3500-seed1</th><th>dsw-3500-seed2</th>");
        assertThat(html).as("more checkpoints per command is worse").contains("1.200 <span class=\"worse\">+0.1000</span>");
        assertThat(html).as("lower latency is better").contains("40 <span class=\"better\">-10</span>");
        assertThat(html).contains("<td class=\"better\">2 of 2 held</td>", "<td class=\"worse\">1 of 2 held</td>");
        assertThat(html).contains("\"labels\":[\"dsw-3500-seed1\",\"dsw-3500-seed2\"]");
        assertThat(html.length()).as("the chart library is inlined").isGreaterThan(900_000);
    }
}
