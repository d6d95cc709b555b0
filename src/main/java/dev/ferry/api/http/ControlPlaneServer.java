package dev.ferry.api.http;

import dev.ferry.api.admission.LatencyLimit;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.SessionLeases;
import dev.ferry.time.Clock;
import dev.ferry.tracker.checkpoint.CheckpointText;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The control plane's HTTP server: one Vert.x instance, one server per event loop sharing the port, the routes of
 * {@link SessionRoutes}, {@link MigrationRoutes} and {@link LeaseRoutes} behind token authorisation, {@code /healthz} and
 * {@code /metrics}. {@link #close()} stops accepting, lets requests in flight finish (up to 10 s), then stops.
 */
public final class ControlPlaneServer implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(10);
    /** The lowest the latency limit cuts the requests in flight to: enough to keep a group commit full. */
    private static final int MIN_IN_FLIGHT = 16;
    private static final String HEALTHY = new JsonObject().put("status", "ok").encode();

    private final Vertx vertx;
    private final List<HttpServer> servers;

    private ControlPlaneServer(Vertx vertx, List<HttpServer> servers) {
        this.vertx = vertx;
        this.servers = servers;
    }

    /**
     * Starts serving; returns once the port is bound.
     *
     * @throws java.net.BindException when the address is in use or cannot be bound
     */
    public static ControlPlaneServer start(ControlPlane plane, Tokens tokens, Clock clock, ServerSettings settings)
            throws Exception {
        return start(plane, new SessionLeases(clock, SessionLeases.STANDARD_TTL_MILLIS), tokens, clock, settings);
    }

    /** Starts serving {@code plane} and the sessions' {@code leases} ({@link LeaseRoutes}). */
    public static ControlPlaneServer start(ControlPlane plane, SessionLeases leases, Tokens tokens, Clock clock,
            ServerSettings settings) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops())
                .setWorkerPoolSize(settings.workers()));
        ServerMetrics metrics = new ServerMetrics(plane);
        Router router = router(vertx, plane, leases, tokens, clock, settings, metrics);
        List<HttpServer> servers = new ArrayList<>();
        try {
            // the servers share one port when they ask for the same number, so port 0 is resolved to a free one first
            int port = settings.port() != 0 ? settings.port() : freePort(settings.host());
            for (int i = 0; i < settings.eventLoops(); i++) {
                HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host())
                        .setPort(port).setIdleTimeout(10).setIdleTimeoutUnit(TimeUnit.MINUTES)
                        .setTcpNoDelay(true)).requestHandler(router);
                server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                servers.add(server);
                if (server.actualPort() != servers.get(0).actualPort()) {
                    throw new IllegalStateException("event loop " + i + " bound port " + server.actualPort()
                            + ", not the first one's " + servers.get(0).actualPort());
                }
            }
        } catch (ExecutionException e) {
            vertx.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            vertx.close();
            throw e;
        }
        return new ControlPlaneServer(vertx, servers);
    }

    private static int freePort(String host) throws java.io.IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return probe.getLocalPort();
        }
    }

    private static Router router(Vertx vertx, ControlPlane plane, SessionLeases leases, Tokens tokens, Clock clock,
            ServerSettings settings, ServerMetrics metrics) {
        Router router = Router.router(vertx);
        LatencyLimit limit = new LatencyLimit(clock, settings.latencyTargetMillis() * 1_000_000L,
                Math.min(MIN_IN_FLIGHT, settings.maxInFlight()), settings.maxInFlight());
        router.route().handler(ctx -> admit(ctx, clock, metrics, limit));
        router.get("/healthz").handler(ctx -> {
            ctx.put(Replies.ROUTE, "healthz");
            Replies.json(ctx, 200, HEALTHY);
        });
        router.route("/metrics").handler(ctx -> authorize(ctx, tokens));
        router.get("/metrics").handler(ctx -> {
            if (Replies.admin(ctx, "metrics")) {
                ctx.response().putHeader("Content-Type", ServerMetrics.CONTENT_TYPE).end(metrics.scrape());
            }
        });
        router.route("/v1/*").handler(ctx -> authorize(ctx, tokens));
        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(CheckpointText.MAX_BYTES));
        new SessionRoutes(plane, metrics).mount(router);
        new MigrationRoutes(plane).mount(router);
        new LeaseRoutes(leases).mount(router);
        router.route().last().handler(ctx -> Replies.error(ctx, 404, "no such route: " + ctx.request().method()
                + " " + ctx.normalizedPath()));
        router.route().failureHandler(ctx -> failed(ctx, metrics));
        return router;
    }

    /**
     * Takes the request in flight if the limit allows (answering 429 at once otherwise, before its body is read) and
     * records its answer in the metrics.
     */
    private static void admit(RoutingContext ctx, Clock clock, ServerMetrics metrics, LatencyLimit limit) {
        long start = clock.nanos();
        boolean limited = ctx.normalizedPath().startsWith("/v1/");
        long arrival = limited ? limit.admit() : start;
        if (arrival < 0) {
            ctx.put(Replies.ROUTE, "overloaded");
            metrics.answered("overloaded", 429, clock.nanos() - start);
            ctx.response().putHeader("Retry-After", "1");
            Replies.error(ctx, 429, "the server is answering " + limit.limit()
                    + " requests already, as many as answer in time; retry after 1 s");
            return;
        }
        ctx.addEndHandler(v -> {
            if (limited) {
                limit.answered(arrival);
            }
            String route = ctx.get(Replies.ROUTE);
            metrics.answered(route == null ? "unmatched" : route, ctx.response().getStatusCode(),
                    clock.nanos() - start);
        });
        ctx.next();
    }

    private static void authorize(RoutingContext ctx, Tokens tokens) {
        Optional<Scope> scope = tokens.authorize(ctx.request().getHeader("Authorization"));
        if (scope.isEmpty()) {
            ctx.put(Replies.ROUTE, "unauthorized");
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Replies.error(ctx, 401, "send 'Authorization: Bearer <token>' with a token from the server's token file");
            return;
        }
        ctx.put(Replies.SCOPE, scope.get());
        ctx.next();
    }

    private static void failed(RoutingContext ctx, ServerMetrics metrics) {
        int status = ctx.statusCode() < 0 ? 500 : ctx.statusCode();
        if (ctx.response().ended()) {
            return;
        }
        if (status == 413) {
            ctx.put(Replies.ROUTE, "checkpoint_put");
            metrics.refused("too_large");
            Replies.error(ctx, 413, "the body is larger than the " + CheckpointText.MAX_BYTES
                    + " bytes a checkpoint may be");
        } else {
            Replies.error(ctx, status, status == 500 ? "internal error: " + ctx.failure() : "request refused");
        }
    }

    /** The port bound (useful when asked for port 0). */
    public int port() {
        return servers.get(0).actualPort();
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            try {
                s.shutdown(GRACE).toCompletionStage().toCompletableFuture().get(GRACE.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // stopping anyway: the store is closed after this, and every answered upload is already on disk
            }
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(GRACE.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing left to save
        }
    }
}
