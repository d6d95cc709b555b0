package dev.ferry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for tests of offline HTML pages: Debian's {@code chromium} driven by its
 * {@code chromedriver} through Selenium, with a fresh profile and Chromium's own background traffic
 * (updates, sync, field trials, QUIC) turned off, so the only requests it makes are the page's.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start()) {
 *     browser.open(page);
 *     browser.waitFor("document.querySelectorAll('.chart canvas').length > 0");
 *     assertThat(browser.consoleErrors()).isEmpty();
 *     assertThat(browser.externalRequests()).isEmpty();
 *     browser.screenshot("comparison");          // target/screenshots/comparison.png
 * }
 * }</pre>
 *
 * Neither the browser nor the driver is downloaded: both paths are given to Selenium, so it never runs
 * Selenium Manager. When either is missing, or Chromium does not start, {@link #start()} throws with a
 * message that says what to install ({@code .ci/run} installs both); a test never skips for it.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /** Schemes a file:// page may load without touching the network: itself, inline data, its own blobs. */
    private static final Set<String> LOCAL_SCHEMES = Set.of("file", "data", "blob", "about");
    /**
     * Chromium's own pages (the new-tab page it shows at start keeps loading its scripts for a while): their
     * requests are logged in the same tab but were not made by any page a test opened.
     */
    private static final Set<String> BROWSER_PAGES = Set.of("chrome", "chrome-untrusted", "devtools");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Selenium warns on every start that it has no DevTools binding for this Chromium's version; the harness
     * needs none (raw CDP commands go through chromedriver), so the warning is kept off the test output.
     * Held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> consoleErrors = new ArrayList<>();
    private final Set<String> loggedRequests = new LinkedHashSet<>();

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium headless with a fresh profile, or throws saying why it could not. */
    public static HeadlessChromium start() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        Path profile;
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a Chromium profile folder under target/", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.get("about:blank");
            return new HeadlessChromium(driver, profile);
        } catch (WebDriverException e) {
            deleteQuietly(profile);
            throw new IllegalStateException("Chromium did not start headless (" + CHROMIUM + " through " + CHROMEDRIVER
                    + "): " + firstLine(e.getMessage()), e);
        }
    }

    /** Loads a local file and waits until its document has loaded; errors and requests start anew. */
    public void open(Path page) {
        if (!Files.isRegularFile(page)) {
            throw new IllegalArgumentException("no page to open at " + page);
        }
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        consoleErrors.clear();
        loggedRequests.clear();
        driver.get(page.toAbsolutePath().toUri().toString());
        waitFor("document.readyState === 'complete'");
    }

    /** Waits up to 30 s for a JavaScript expression to be truthy. */
    public void waitFor(String condition) {
        waitFor(condition, DEFAULT_WAIT);
    }

    public void waitFor(String condition, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return !!(" + condition + ");")));
        } catch (TimeoutException e) {
            throw new AssertionError("after " + timeout.toSeconds() + " s the page still did not satisfy `" + condition
                    + "`; console errors: " + consoleErrors());
        }
    }

    /** Runs a script in the page ({@code return ...} to get a value back) and returns its value. */
    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Every message of level SEVERE the page logged so far: console.error calls and uncaught exceptions. */
    public List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return List.copyOf(consoleErrors);
    }

    /**
     * Every URL the page requested, the page's own file:// load first: what Chromium's network log saw
     * (DevTools {@code Network.requestWillBeSent}, which includes requests that failed, from any document but
     * Chromium's own chrome:// pages) and what the page's Resource Timing lists.
     */
    public List<String> requests() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                JsonNode params = message.path("params");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())
                        && !BROWSER_PAGES.contains(scheme(params.path("documentURL").asText()))) {
                    loggedRequests.add(params.path("request").path("url").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable DevTools log entry: " + entry.getMessage(), e);
            }
        }
        Set<String> all = new LinkedHashSet<>(loggedRequests);
        Object timed = js("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => e.name);");
        if (timed instanceof List<?> names) {
            names.forEach(name -> all.add(String.valueOf(name)));
        }
        return List.copyOf(all);
    }

    /** The requests that left the machine's files: anything but file:, data:, blob: and about: URLs. */
    public List<String> externalRequests() {
        return requests().stream().filter(url -> !LOCAL_SCHEMES.contains(scheme(url))).toList();
    }

    /**
     * The elements matching a CSS selector that hold no drawn chart: no canvas or SVG inside, or one of
     * zero size. An empty answer for a selector that matches nothing is the caller's to rule out.
     */
    public List<String> undrawnCharts(String selector) {
        Object undrawn = js("return Array.from(document.querySelectorAll(arguments[0])).filter(c => {"
                + " const drawn = Array.from(c.querySelectorAll('canvas, svg'))"
                + "   .filter(g => g.getBoundingClientRect().width > 0 && g.getBoundingClientRect().height > 0);"
                + " return drawn.length === 0; }).map(c => c.id || c.className || c.tagName);", selector);
        return undrawn instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** How many elements match a CSS selector. */
    public long count(String selector) {
        return ((Number) js("return document.querySelectorAll(arguments[0]).length;", selector)).longValue();
    }

    /** The visible text of the page. */
    public String text() {
        return String.valueOf(js("return document.body.innerText;"));
    }

    /** Saves the whole page (not only the window) as target/screenshots/NAME.png and returns the file. */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + file, e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static String scheme(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse("");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left under target/ is removed by the next mvn clean
        }
    }
}
