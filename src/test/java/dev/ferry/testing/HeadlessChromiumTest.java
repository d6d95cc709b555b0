package dev.ferry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser harness sees what a report test must catch: errors, requests off the machine, empty charts. */
class HeadlessChromiumTest {

    private static HeadlessChromium browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    @DisplayName("an offline page: its own file:// load is its only request, no error, its drawn chart counts")
    void offlinePage(@TempDir Path dir) throws IOException {
        Path page = page(dir, "<div class='chart' id='drawn'></div><div class='chart' id='empty'></div><script>"
                + "const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');"
                + "svg.setAttribute('width', '200'); svg.setAttribute('height', '100');"
                + "document.getElementById('drawn').appendChild(svg); window.ready = true;</script>");

        browser.open(page);
        browser.waitFor("window.ready === true");

        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.requests()).containsExactly(page.toUri().toString());
        assertThat(browser.externalRequests()).isEmpty();
        assertThat(browser.count(".chart")).isEqualTo(2);
        assertThat(browser.undrawnCharts(".chart")).containsExactly("empty");
        assertThat(browser.js("return 6 * 7;")).isEqualTo(42L);

        Path shot = browser.screenshot("headless-chromium-offline");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isPositive();
        assertThat(shot).startsWith(Path.of("target"));
    }

    @Test
    @DisplayName("a page that logs an error and requests an http resource is caught on both counts")
    void pageWithErrorAndRequest(@TempDir Path dir) throws IOException {
        Path page = page(dir, "<img src='http://127.0.0.1:9/logo.png'>"
                + "<script>console.error('broken on purpose'); window.ready = true;</script>");

        browser.open(page);
        browser.waitFor("window.ready === true");

        assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e).contains("broken on purpose"));
        assertThat(browser.externalRequests()).contains("http://127.0.0.1:9/logo.png");
    }

    @Test
    @DisplayName("a condition that never holds fails the wait with the condition named")
    void waitTimesOut(@TempDir Path dir) throws IOException {
        browser.open(page(dir, "<p>nothing happens</p>"));

        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> browser.waitFor("window.never === true", java.time.Duration.ofMillis(300)));
        assertThat(failure).hasMessageContaining("window.never === true");
    }

    private static Path page(Path dir, String body) throws IOException {
        Path page = dir.resolve("page-" + System.nanoTime() + ".html");
        Files.writeString(page, "<!doctype html><html><head><meta charset='utf-8'><title>t</title></head><body>"
                + body + "</body></html>");
        return page;
    }
}
