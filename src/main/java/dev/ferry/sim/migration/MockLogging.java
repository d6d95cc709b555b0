package dev.ferry.sim.migration;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the mocked clusters' expected behaviour off standard error. Vert.x and Netty log through
 * {@code java.util.logging} here, and under the simulation's own faults they report what the run means to happen:
 * <ul>
 *   <li>{@code Connection evicted} (Vert.x's HTTP client) each time a mock server drops or refuses a pooled
 *       connection, which injected API errors and outages do by design;</li>
 *   <li>{@code Failed to submit a listener notification task. Event loop shut down?} (Netty) when a connection's close
 *       is reported after its Vert.x instance stopped, as the run's mock servers and clients are closed at its end;</li>
 *   <li>{@code Thread vert.x-eventloop-thread-N has been blocked for N ms} under 10 s, which with runs side by side on
 *       a 2-core machine (and other work beside them) is an event loop starved of CPU; 10 s or more still shows;</li>
 *   <li>the mock servers' own request log below WARNING.</li>
 * </ul>
 * Exactly those records are dropped; anything else from the same loggers still shows. The simulation reaches its
 * mock servers in process now, but tests that start them on loopback (and their Vert.x clients) install the same
 * filters, so a test run's console carries only what is meant for it.
 */
public final class MockLogging {

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would forget its filter. */
    private static final List<Logger> CONFIGURED = List.of(
            Logger.getLogger("io.fabric8.mockwebserver"),
            Logger.getLogger("io.vertx.core.http.impl.HttpClientConnection"),
            // DefaultPromise reports a rejected notification through a logger of its own, not the class's
            Logger.getLogger("io.netty.util.concurrent.DefaultPromise.rejectedExecution"),
            Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker"));

    /** Vert.x's blocked-thread warning, whose duration says whether it is a starved machine or a hang. */
    private static final Pattern BLOCKED = Pattern.compile("has been blocked for (\\d+) ms");

    /** Shorter than this, an event loop that did not run was starved of CPU (runs side by side on 2 cores). */
    static final long STARVED_MILLIS = 10_000;

    static {
        CONFIGURED.get(0).setLevel(Level.WARNING);
        CONFIGURED.get(1).setFilter(record -> !"Connection evicted".equals(record.getMessage()));
        CONFIGURED.get(2).setFilter(MockLogging::notShutdownNotice);
        CONFIGURED.get(3).setFilter(MockLogging::notStarved);
    }

    private MockLogging() {
    }

    /** Installs the filters (once per JVM; later calls do nothing). */
    public static void install() {
        // the static initializer did it
    }

    /** Keeps a blocked-thread warning of {@value #STARVED_MILLIS} ms or more: that is a hang, not a busy machine. */
    static boolean notStarved(LogRecord record) {
        Matcher m = BLOCKED.matcher(record.getMessage() == null ? "" : record.getMessage());
        return !m.find() || Long.parseLong(m.group(1)) >= STARVED_MILLIS;
    }

    static boolean notShutdownNotice(LogRecord record) {
        return !(record.getThrown() instanceof RejectedExecutionException
                && record.getMessage() != null && record.getMessage().startsWith("Failed to submit a listener"));
    }
}
