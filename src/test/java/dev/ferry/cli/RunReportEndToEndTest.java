package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry sim run} of a small migration under faults (24 sessions, one virtual day, a cluster's API down two
 * hours with its nodes, node losses, API errors) writes report.html and the data behind it; the page, opened in a
 * real headless Chromium, draws every chart offline and says what results.json says.
 */
@DisplayName("the run report of a small migration under faults")
class RunReportEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path out;
    private static JsonNode results;
    private static CommandResult run;

    @BeforeAll
    static void simulate() throws Exception {
        Path workload = Files.writeString(dir.resolve("report-small.yaml"), """
                name: report-small
                description: "24 sessions, 1 day, migrated to 2 clusters from hour 2 under faults"
                sessions: 24
                days: 1
                start: 2026-11-30T00:00:00Z
                models:
                  pip: %1$s/model/pip.yaml
                  activity: %1$s/model/activity.yaml
                  restarts: %1$s/model/restarts.yaml
                  population: %1$s/model/population.yaml
                overrides:
                  operations_per_active_hour: 3
                migration:
                  strategy: idle-aware
                  idle_threshold_minutes: 30
                  start_hour: 2
                  deadline_hour: 20
                  notice_hours: 2
                  rolling_per_hour: 10
                  clusters: %1$s/src/test/resources/sim/clusters-2.yaml
                  budgets: {max_concurrent: 6, max_per_cluster: 4, max_team_share: 0.5}
                  faults:
                    api_error_rate: 0.1
                    outages:
                      - {cluster: k8s-a1, from_hour: 4, hours: 2, nodes_lost: true}
                    node_losses_per_cluster_day: 4
                    node_down_hours: 1
                """.formatted(Path.of("").toAbsolutePath()));
        Path budgets = Files.writeString(dir.resolve("budgets.yaml"), """
                budgets:
                  - {name: nothing stranded, metric: migration.stranded, max: 0}
                  - {name: an impossible latency, metric: coalescing.latency_ms.p50, max: 1}
                  - {name: only for another scenario, metric: migration.failed, max: 0, scenarios: other}
                """);
        out = dir.resolve("run");
        run = CommandResult.run("sim", "run", workload.toString(), "--seed", "3", "--budgets", budgets.toString(),
                "--out", out.toString());
        assertThat(out.resolve("results.json")).as(run.err()).isRegularFile();
        results = JSON.readTree(out.resolve("results.json").toFile());
    }

    @Test
    @DisplayName("exits 1 for the failed budget, and writes the report and every data file next to results.json")
    void files() {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(out.resolve("report.html")).isRegularFile();
        for (String name : List.of("migration_hourly.csv", "in_flight_hourly.csv", "cluster_load_hourly.csv",
                "api_hourly.csv", "faults.csv", "disruption_cdf.csv", "disruption_by_group.csv",
                "latency_histogram.csv", "checkpoints_per_operation.csv", "restarts_by_cause.csv",
                "worst_sessions.csv", "timelines.jsonl")) {
            assertThat(out.resolve("series").resolve(name)).isRegularFile();
        }
    }

    @Test
    @DisplayName("sessions.csv ends with the fixed disruption columns, and agrees with results.json")
    void sessionsCsv() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("sessions.csv"));
        assertThat(lines.get(0)).endsWith(",cluster,migrated_at_h,disruption_user_visible_s,disruption_total_s,"
                + "rollbacks,disrupted_while_active");
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int cluster = header.indexOf("cluster");
        int migratedAt = header.indexOf("migrated_at_h");
        int active = header.indexOf("disrupted_while_active");
        int rollbacks = header.indexOf("rollbacks");
        long migrated = 0;
        long disrupted = 0;
        long rolledBack = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(header.size());
            assertThat(cells[cluster].isEmpty()).as(line).isEqualTo(cells[migratedAt].isEmpty());
            migrated += cells[cluster].isEmpty() ? 0 : 1;
            disrupted += Integer.parseInt(cells[active]);
            rolledBack += Integer.parseInt(cells[rollbacks]) > 0 ? 1 : 0;
        }
        assertThat(lines).hasSize(1 + results.get("sessions").asInt());
        assertThat(migrated).isEqualTo(results.at("/migration/migrated").asLong());
        assertThat(disrupted).isEqualTo(results.at("/disruption/sessions_disrupted_while_active").asLong());
        assertThat(rolledBack).isEqualTo(results.at("/migration/rolled_back").asLong());
    }

    @Test
    @DisplayName("migration_hourly.csv: one row per virtual hour, every session in one state, in flight = migrating")
    void migrationHourly() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("series/migration_hourly.csv"));
        assertThat(lines.get(0)).isEqualTo("hour,on_source,migrating,done,rolled_back,waiting_for_capacity,in_flight");
        assertThat(lines).hasSize(1 + 24);
        for (int h = 1; h <= 24; h++) {
            long[] v = Arrays.stream(lines.get(h).split(",")).mapToLong(Long::parseLong).toArray();
            assertThat(v[0]).isEqualTo(h);
            assertThat(v[1] + v[2] + v[3] + v[4] + v[5]).as(lines.get(h)).isEqualTo(24);
            assertThat(v[6]).as(lines.get(h)).isEqualTo(v[2] + v[5]);
        }
        assertThat(lines.get(24)).startsWith("24,").contains("," + results.at("/migration/migrated").asLong() + ",");
        assertThat(Files.readString(out.resolve("series/faults.csv"))).contains("outage,k8s-a1,,4.000,6.000");
    }

    @Test
    @DisplayName("in headless Chromium: no console error, no network request, every chart drawn, the verdict of "
            + "results.json, and a session's timeline when picked")
    void inTheBrowser() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(out.resolve("report.html"));
            browser.waitFor("document.body.dataset.chartsDrawn === 'true' && document.body.dataset.timeline");
            assertThat(browser.count(".chart")).isGreaterThanOrEqualTo(11);
            assertThat(browser.undrawnCharts(".chart")).isEmpty();
            browser.screenshot("run-report");

            for (JsonNode budget : results.get("budgets")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) browser.js("const r = Array.from(document"
                        + ".querySelectorAll('#verdict-table tr.budget')).find(r => r.dataset.name === arguments[0]);"
                        + " return r && {value: r.dataset.value, pass: r.dataset.pass,"
                        + " result: r.lastElementChild.textContent};", budget.get("name").asText());
                assertThat(row).as(budget.toString()).isNotNull();
                assertThat(Double.parseDouble((String) row.get("value"))).isEqualTo(budget.get("value").asDouble());
                assertThat(row.get("pass")).isEqualTo(budget.get("pass").asText());
                assertThat(row.get("result")).isEqualTo(budget.get("pass").asBoolean() ? "passed" : "FAILED");
            }
            assertThat(browser.count("#verdict-table tr.budget")).isEqualTo(results.get("budgets").size());
            assertThat(browser.js("return document.getElementById('verdict-summary').textContent;"))
                    .isEqualTo("FAILED: 1 of 2 checks failed");

            Object second = browser.js("return document.querySelectorAll('#worst button[data-session]')[1]"
                    + ".dataset.session;");
            browser.js("document.querySelectorAll('#worst button[data-session]')[1].click();");
            browser.waitFor("document.body.dataset.timeline === '" + second + "'");
            assertThat(browser.js("return document.getElementById('timeline-title').textContent;"))
                    .asString().startsWith("Timeline of session " + second + " ");
            browser.js("document.getElementById('session-search').value = '7';"
                    + " document.querySelector('#session-form button').click();");
            browser.waitFor("document.body.dataset.timeline === '7'");
            assertThat(browser.undrawnCharts("#chart-timeline")).isEmpty();
            browser.screenshot("run-report-timeline");
            browser.js("document.getElementById('session-search').value = '999';"
                    + " document.querySelector('#session-form button').click();");
            assertThat(browser.js("return document.getElementById('session-message').textContent;"))
                    .isEqualTo("no session 999 in this run");

            assertThat(browser.consoleErrors()).isEmpty();
            // the browser's own new-tab page (chrome:// and chrome-untrusted://, loaded before the report) is not
            // the report's; every other request that did not stay in the machine's files is
            assertThat(browser.externalRequests()).filteredOn(url -> !url.startsWith("chrome:")
                    && !url.startsWith("chrome-untrusted:")).isEmpty();
            assertThat(browser.requests()).filteredOn(url -> url.startsWith("http")).isEmpty();
        }
    }
}
