package dev.ferry.report.run;

import dev.ferry.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures a run report in headless Chromium, for README's targets (a tool, not a test): its size, when the page
 * drew its first chart and all of its charts (ms after navigation start, as the page records them), and when a
 * session's timeline was drawn. Run it on a report with the test class path, e.g.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.ferry.report.run.ReportTimings DIR/report.html}.
 */
public final class ReportTimings {

    private ReportTimings() {
    }

    public static void main(String[] args) throws Exception {
        Path page = Path.of(args[0]);
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            for (int k = 1; k <= 3; k++) {
                browser.open(page);
                browser.waitFor("document.body.dataset.chartsDrawn === 'true' && document.body.dataset.timeline");
                Object first = browser.js("return document.body.dataset.firstChartMs;");
                Object all = browser.js("return document.body.dataset.chartsDrawnMs;");
                Object timeline = browser.js("return document.body.dataset.timelineMs;");
                System.out.printf(Locale.ROOT, "open %d: %.2f MB, first chart %s ms, all charts %s ms, first timeline"
                                + " %s ms after navigation start; console errors %s%n", k,
                        Files.size(page) / 1e6, first, all, timeline, browser.consoleErrors());
            }
        }
    }
}
