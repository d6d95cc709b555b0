package dev.ferry.api.http;

/**
 * How the server runs.
 *
 * @param host          the address to bind, 127.0.0.1 unless told otherwise
 * @param port          the port; 0 picks a free one
 * @param maxInFlight   requests answered at once; one more is answered 429 with Retry-After instead of queueing
 * @param workers       threads for the work that must stay off the event loops: verifying uploads, reading checkpoint
 *                      texts from disk (no thread waits for a commit: changes are answered when durable)
 * @param eventLoops    event-loop threads
 */
public record ServerSettings(String host, int port, int maxInFlight, int workers, int eventLoops) {

    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0 to 65535, found " + port);
        }
        if (maxInFlight < 1 || workers < 1 || eventLoops < 1) {
            throw new IllegalArgumentException("max in flight, workers and event loops must be 1 or more");
        }
    }

    /** Defaults for a machine with {@code cores} cores. */
    public static ServerSettings defaults(String host, int port, int cores) {
        return new ServerSettings(host, port, 1024, 8, Math.max(1, cores));
    }
}
