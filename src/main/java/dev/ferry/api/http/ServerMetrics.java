package dev.ferry.api.http;

import dev.ferry.api.control.ControlPlane;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;

/** What {@code GET /metrics} shows: requests by route and status, their latency, sessions stored, uploads refused. */
final class ServerMetrics {

    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests = Counter.builder().name("ferry_http_requests_total")
            .help("HTTP requests answered, by route and status").labelNames("route", "status").register(registry);
    private final Histogram latency = Histogram.builder().name("ferry_http_request_duration_seconds")
            .help("Time from a request's arrival to its answer, by route").labelNames("route").classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5)
            .register(registry);
    private final Counter refused = Counter.builder().name("ferry_checkpoint_uploads_refused_total")
            .help("Checkpoint uploads not stored, by reason").labelNames("reason").register(registry);

    /** Each route's data points, looked up once: the client's own lookup by label values costs on every request. */
    private final ConcurrentHashMap<String, RouteSeries> byRoute = new ConcurrentHashMap<>();

    private final class RouteSeries {
        final DistributionDataPoint latency;
        final ConcurrentHashMap<Integer, CounterDataPoint> byStatus = new ConcurrentHashMap<>();
        final String route;

        RouteSeries(String route) {
            this.route = route;
            this.latency = ServerMetrics.this.latency.labelValues(route);
        }

        CounterDataPoint requests(int status) {
            return byStatus.computeIfAbsent(status, s -> ServerMetrics.this.requests.labelValues(route,
                    Integer.toString(s)));
        }
    }

    ServerMetrics(ControlPlane plane) {
        GaugeWithCallback.builder().name("ferry_sessions_stored").help("Sessions the store holds")
                .callback(cb -> cb.call(plane.sessions())).register(registry);
    }

    void answered(String route, int status, long nanos) {
        RouteSeries series = byRoute.computeIfAbsent(route, RouteSeries::new);
        series.requests(status).inc();
        series.latency.observe(nanos / 1e9);
    }

    /** An upload not stored: {@code not_newer}, {@code damaged}, {@code too_large}. */
    void refused(String reason) {
        refused.labelValues(reason).inc();
    }

    String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
