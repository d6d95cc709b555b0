package dev.ferry.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison page in a real browser: two strategies on three seeds with their series, an old run without
 * them, a baseline with one match and one namesake of another strategy. The page must open offline, draw
 * every chart it announces, and say on screen what the results say.
 */
class ComparisonPageBrowserTest {

    private static final String DISRUPTED = "disruption.sessions_disrupted_while_active";

    @TempDir
    static Path dir;

    private static Path page;
    private static Comparison comparison;
    private static HeadlessChromium browser;

    @BeforeAll
    static void writeAndOpen() throws IOException {
        List<Path> runs = new ArrayList<>();
        double[] idleMakespan = {5.1, 4.8, 5.3};
        double[] rollingMakespan = {5.0, 5.4, 4.9};
        double[] rollingDisrupted = {16, 18, 19};
        for (int s = 0; s < 3; s++) {
            long seed = s + 1;
            runs.add(RunFixtures.run(dir.resolve("runs/idle-" + seed), "migrate-small", "idle-aware", seed)
                    .set("migration.makespan_h", idleMakespan[s]).set("wall_s", 3.1 + s * 0.1)
                    .set("disruption.user_visible_s.p99", 0)
                    .writeWithSeries(sessions(40, 0, 0), sessions(40, 15, seed), RunFixtures.migrationCurve(40, 10)));
            RunFixtures rolling = RunFixtures.run(dir.resolve("runs/rolling-" + seed), "migrate-small", "rolling", seed)
                    .set("migration.makespan_h", rollingMakespan[s]).set("wall_s", 5.0 + s * 0.3)
                    .set(DISRUPTED, rollingDisrupted[s]).set("disruption.user_visible_s.p99", 50 + 5 * s);
            if (seed == 2) {
                rolling.failedBudget("under 1% disrupted while active", "disruption.share_disrupted_while_active", "<=",
                        0.0099, 0.45);
            }
            runs.add(rolling.writeWithSeries(sessions(40, (int) rollingDisrupted[s], seed), sessions(40, 20, seed),
                    RunFixtures.migrationCurve(40, 8)));
        }
        runs.add(RunFixtures.run(dir.resolve("runs/dsw"), "dsw-3500", null, 1).write());
        Path baseline = dir.resolve("baseline");
        RunFixtures.run(baseline.resolve("idle-1"), "migrate-small", "idle-aware", 1).set("migration.makespan_h", 4.9)
                .set("coalescing.amplification", 1.05).set("wall_s", 2.0).write();
        RunFixtures.run(baseline.resolve("rolling-1"), "migrate-small", "idle-aware", 2).write();
        page = dir.resolve("comparison.html");

        comparison = ComparisonReport.write(runs, baseline, page);

        browser = HeadlessChromium.start();
        browser.open(page);
        browser.waitFor("document.body.dataset.charts === 'drawn'");
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    /** {@code disrupted} of {@code n} sessions disrupted, for 10 to 60 s; the others not at all. */
    private static double[] sessions(int n, int disrupted, long seed) {
        double[] seconds = new double[n];
        for (int i = 0; i < disrupted; i++) {
            seconds[i] = 10 + (i * 7 + seed * 3) % 50;
        }
        return seconds;
    }

    @Test
    @DisplayName("opens offline: no console error, and no request but the page's own file:// load")
    void offline() {
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.requests()).containsExactly(page.toUri().toString());
        assertThat(browser.externalRequests()).isEmpty();
    }

    @Test
    @DisplayName("draws every chart container: both disruption CDFs and the three migration curves")
    void chartsDrawn() {
        assertThat(browser.count(".chart")).isEqualTo(5);
        assertThat(browser.undrawnCharts(".chart")).isEmpty();
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('cdf-user-visible'))"
                + ".getOption().series.length;")).as("one line per run that has sessions.csv").isEqualTo(6L);
        assertThat(String.valueOf(browser.js("return document.querySelector(\"[data-lacks='cdf-total']\").innerText;")))
                .isEqualTo("Not drawn: dsw-3500 · seed 1 (it has no sessions.csv).");
    }

    @Test
    @DisplayName("the verdicts on screen are those of the results: rolling disrupts more, makespans are noise, wall time unjudged")
    void verdicts() {
        Contrast contrast = comparison.contrasts().get(0);
        assertThat(contrast.row(DISRUPTED).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(contrast.row("migration.makespan_h").verdict()).isEqualTo(Verdict.WITHIN_NOISE);

        assertThat(verdictOnPage(DISRUPTED)).isEqualTo("rolling worse");
        assertThat(verdictOnPage("disruption.user_visible_s.p99")).isEqualTo("rolling worse");
        assertThat(verdictOnPage("migration.makespan_h")).isEqualTo("within noise");
        assertThat(verdictOnPage("wall_s")).isEqualTo("not judged: the machine's");
        assertThat(browser.text()).contains("sessions disrupted while active: idle-aware 0 (0, 0, 0), rolling 17.67 (16, 18, 19);"
                + " difference +17.67 (95% interval +13.87 to +21.46): rolling worse", "Of the 3 judged figures that"
                + " differ, rolling is better on 0, worse on 2, within noise on 1.");
    }

    @Test
    @DisplayName("names each run's failed budget with its value and limit, and each baseline or why there is none")
    void budgetsAndBaselines() throws IOException {
        String text = browser.text();
        assertThat(text).contains("1 of 2 exceeded:\nunder 1% disrupted while active: "
                + "disruption.share_disrupted_while_active = 0.45, limit <= 0.0099");
        assertThat(rowText("migrate-small · idle-aware · seed 1")).contains("idle-1");
        assertThat(rowText("migrate-small · rolling · seed 1")).contains("no run of migrate-small · rolling · seed 1");
        assertThat(rowText("migrate-small · idle-aware · seed 2"))
                .contains("rolling-1").as("found by what it ran, whatever its folder is called");
        assertThat(String.valueOf(browser.js("return document.querySelector(\"table.figures "
                + "tr[data-figure='coalescing.amplification'] [data-change]\").innerText;")))
                .isEqualTo("+0.03 regression");
        assertThat(browser.js("return document.querySelector(\"table.figures tr[data-figure='wall_s'] [data-change]\")"
                + ".dataset.change;")).isEqualTo("machine_moved");

        Path shot = browser.screenshot("comparison-page");
        assertThat(ImageIO.read(shot.toFile()).getHeight()).as("the whole page, not one window").isGreaterThan(1500);
        assertThat(Files.size(shot)).isPositive();
    }

    private static String verdictOnPage(String figure) {
        return String.valueOf(browser.js("return document.querySelector(\"section.contrast tr[data-figure='\" + arguments[0]"
                + " + \"'] td.verdict\").innerText;", figure));
    }

    private static String rowText(String run) {
        return String.valueOf(browser.js("return document.querySelector(\"table.runs tr[data-run='\" + arguments[0]"
                + " + \"']\").innerText;", run));
    }
}
