package dev.ferry.api.http;

/**
 * How the server runs.
 *
 * @param host          the address to bind, 127.0.0.1 unless told otherwise
 * @param port          the port; 0 picks a free one
 * @param maxInFlight   requests answered at once at most; one more is answered 429 with Retry-After instead of queueing
 * @param workers       threads for the work that must stay off the event loops: verifying uploads, reading checkpoint
 *                      texts from disk (no thread waits for a commit: changes are answered when durable)
 * @param eventLoops    event-loop threads
 * @param latencyTargetMillis the latency past which the in-flight limit is cut below {@code maxInFlight}
 *                      ({@link dev.ferry.api.admission.LatencyLimit}); 0 keeps it fixed at {@code maxInFlight}
 */
public record ServerSettings(String host, int port, int maxInFlight, int workers, int eventLoops,
        int latencyTargetMillis) {

    /** The default latency target: a spike's accepted requests keep their p99 within the 50 ms. */
    public static final int DEFAULT_LATENCY_TARGET_MILLIS = 7;

    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0 to 65535, found " + port);
        }
        if (maxInFlight < 1 || workers < 1 || eventLoops < 1) {
            throw new IllegalArgumentException("max in flight, workers and event loops must be 1 or more");
        }
        if (latencyTargetMillis < 0 || latencyTargetMillis > 10_000) {
            throw new IllegalArgumentException("the latency target is 0 to 10000 ms, found " + latencyTargetMillis);
        }
    }

    /** A fixed in-flight limit of {@code maxInFlight}, no latency target. */
    public ServerSettings(String host, int port, int maxInFlight, int workers, int eventLoops) {
        this(host, port, maxInFlight, workers, eventLoops, 0);
    }

    /** Defaults for a machine with {@code cores} cores. */
    public static ServerSettings defaults(String host, int port, int cores) {
        return new ServerSettings(host, port, 1024, 8, Math.max(1, cores), DEFAULT_LATENCY_TARGET_MILLIS);
    }
}
