package dev.ferry.sim.kube;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The dispatcher of one simulated cluster's API server: fabric8's CRUD dispatcher, plus the faults a workload asks
 * for and a count of the writes it accepted.
 *
 * <ul>
 *   <li><b>API errors</b>: each request fails with probability {@link #setErrorRate(double)}, answered with one of
 *       the configured statuses (500, 503, 429, ...) as a Status object, before the CRUD store sees it.</li>
 *   <li><b>Outage</b>: while {@link #setDown(boolean) down}, every request is answered 503, as a load balancer in
 *       front of an unreachable control plane does.</li>
 *   <li><b>Writes</b>: {@link #writes()} counts accepted POST, PUT, PATCH and DELETE requests, so a fake kubelet can
 *       skip a sync when nothing changed since its last one (what a watch tells a real kubelet).</li>
 *   <li><b>Watches</b>: going down also closes every open watch, as a connection to an unreachable server breaks.</li>
 * </ul>
 *
 * Requests come one at a time (the simulation's clients block on each, answered on their own thread by the
 * in-process transport), so the random draws follow the order of the calls and a run is deterministic; the methods
 * are synchronized because watches deliver and reconnect on fabric8's threads. The one exception is a watching
 * cache's client (its {@code User-Agent} is {@link #CACHE_AGENT}): its lists and watches come on fabric8's threads
 * when it reconnects, at moments of real time, so they draw no error, are not in {@link #requests()} and change
 * nothing of the run; an outage refuses
 * them too.
 */
public final class SimulatedApiServer extends Dispatcher {

    /** The {@code User-Agent} of the client that keeps a watching cache of this server's Jobs. */
    public static final String CACHE_AGENT = "ferry-job-cache";

    private final NamedCrudStore store = new NamedCrudStore();
    private final List<WebSocket> watches = new ArrayList<>();
    private final RandomGenerator random;
    private final List<Integer> errorStatuses;
    private double errorRate;
    private boolean down;
    private long writes;
    private long injectedErrors;
    private long outageRefusals;
    private long requests;

    /**
     * @param random        draws which requests fail
     * @param errorStatuses the statuses an injected error answers with, drawn uniformly (each 4xx or 5xx)
     */
    public SimulatedApiServer(RandomGenerator random, List<Integer> errorStatuses) {
        this.random = Objects.requireNonNull(random, "random");
        this.errorStatuses = List.copyOf(errorStatuses);
        if (this.errorStatuses.isEmpty()) {
            throw new IllegalArgumentException("at least one error status is needed");
        }
        for (int s : this.errorStatuses) {
            if (s < 400 || s > 599) {
                throw new IllegalArgumentException("an injected error is a 4xx or 5xx status, got " + s);
            }
        }
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        if (CACHE_AGENT.equals(request.getHeader("User-Agent"))) {
            return forCache(request);
        }
        requests++;
        if (down) {
            outageRefusals++;
            return status(503, "ServiceUnavailable", "the cluster's API server is unreachable (simulated outage)");
        }
        if (errorRate > 0 && random.nextDouble() < errorRate) {
            injectedErrors++;
            int code = errorStatuses.get(random.nextInt(errorStatuses.size()));
            return status(code, code == 429 ? "TooManyRequests" : "InternalError",
                    "simulated API error " + code);
        }
        MockResponse response = store.dispatch(request);
        if (!"GET".equals(request.getMethod()) && response.code() < 300) {
            writes++;
        }
        return response;
    }

    private MockResponse forCache(RecordedRequest request) {
        if (down) {
            return status(503, "ServiceUnavailable", "the cluster's API server is unreachable (simulated outage)");
        }
        long from = CacheWatch.since(request.getPath());
        if (from >= 0 && from < store.latestJobDeletion()) {
            // the server cannot tell a watch from there which Jobs were deleted since, as an API server that
            // compacted that history cannot: the watch ends with 410 Expired, and the client lists anew
            return new MockResponse().withWebSocketUpgrade(new ExpiredWatch(from));
        }
        MockResponse response = store.dispatch(request);
        WebSocketListener watch = response.getWebSocketListener();
        return watch == null ? response
                : new MockResponse().withWebSocketUpgrade(new CacheWatch(watch, from, new CacheWatch.Sockets() {
                    @Override
                    public boolean opened(WebSocket socket) {
                        synchronized (SimulatedApiServer.this) {
                            return !down && watches.add(socket);
                        }
                    }

                    @Override
                    public void closed(WebSocket socket) {
                        synchronized (SimulatedApiServer.this) {
                            watches.remove(socket);
                        }
                    }

                    @Override
                    public void quietly(Runnable end) {
                        synchronized (SimulatedApiServer.this) {
                            end.run();
                        }
                    }
                }));
    }

    /** The share of requests answered with an error, in [0, 1). */
    public synchronized void setErrorRate(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("an API error rate is in [0, 1), got " + rate);
        }
        errorRate = rate;
    }

    /** Takes the API server down (every request answered 503) or brings it back. */
    public synchronized void setDown(boolean down) {
        this.down = down;
        if (down) {
            for (WebSocket w : List.copyOf(watches)) {
                w.close(1001, "the API server is unreachable (simulated outage)");
            }
            watches.clear();
        }
    }

    /** The resourceVersion of the latest change to a Job (0 before any): what a watch of Jobs must have seen. */
    public synchronized long latestJobVersion() {
        return store.latestJobVersion();
    }

    public synchronized boolean isDown() {
        return down;
    }

    /** Writes the store accepted so far. */
    public synchronized long writes() {
        return writes;
    }

    public synchronized long requests() {
        return requests;
    }

    public synchronized long injectedErrors() {
        return injectedErrors;
    }

    public synchronized long outageRefusals() {
        return outageRefusals;
    }

    @Override
    public void shutdown() {
        store.shutdown();
    }

    private static MockResponse status(int code, String reason, String message) {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"" + message + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
        MockResponse response = new MockResponse().setResponseCode(code).setBody(body)
                .setHeader("Content-Type", "application/json");
        if (code == 429 || code == 503) {
            response.setHeader("Retry-After", "1");
        }
        return response;
    }
}
