package dev.ferry.sim.migration;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the mocked clusters' expected behaviour off standard error. Vert.x and Netty log through
 * {@code java.util.logging} here, and under the simulation's own faults they report what the run means to happen:
 * <ul>
 *   <li>{@code Connection evicted} (Vert.x's HTTP client) each time a mock server drops or refuses a pooled
 *       connection, which injected API errors and outages do by design;</li>
 *   <li>{@code Failed to submit a listener notification task. Event loop shut down?} (Netty) when a connection's close
 *       is reported after its Vert.x instance stopped, as the run's mock servers and clients are closed at its end;</li>
 *   <li>the mock servers' own request log below WARNING.</li>
 * </ul>
 * Exactly those records are dropped; anything else from the same loggers still shows.
 */
final class MockLogging {

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would forget its filter. */
    private static final List<Logger> CONFIGURED = List.of(
            Logger.getLogger("io.fabric8.mockwebserver"),
            Logger.getLogger("io.vertx.core.http.impl.HttpClientConnection"),
            Logger.getLogger("io.netty.util.concurrent.DefaultPromise"));

    static {
        CONFIGURED.get(0).setLevel(Level.WARNING);
        CONFIGURED.get(1).setFilter(record -> !"Connection evicted".equals(record.getMessage()));
        CONFIGURED.get(2).setFilter(MockLogging::notShutdownNotice);
    }

    private MockLogging() {
    }

    /** Installs the filters (once per JVM; later calls do nothing). */
    static void install() {
        // the static initializer did it
    }

    static boolean notShutdownNotice(LogRecord record) {
        return !(record.getThrown() instanceof RejectedExecutionException
                && record.getMessage() != null && record.getMessage().startsWith("Failed to submit a listener"));
    }
}
