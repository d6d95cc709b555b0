package dev.ferry.sim.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
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
 * </ul>
 *
 * Requests come one at a time (the simulation's clients block on each), so the random draws follow the order of
 * the calls and a run is deterministic; the methods are synchronized because the mock server answers on its own
 * thread.
 */
public final class SimulatedApiServer extends Dispatcher {

    private final KubernetesCrudDispatcher store = new NamedCrudStore();
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
