package dev.ferry.api.http;

import dev.ferry.api.control.SessionId;
import dev.ferry.api.control.SessionStoreException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** How every route answers: JSON bodies, the route's name for the metrics, access checks, store work off the loop. */
final class Replies {

    static final String ROUTE = "ferry.route";
    static final String SCOPE = "ferry.scope";

    private Replies() {
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message));
    }

    /**
     * The path's session id if it is valid and the caller's token may use it; otherwise answers 400 or 403 and
     * returns null.
     */
    static String session(RoutingContext ctx, String route) {
        ctx.put(ROUTE, route);
        String id = ctx.pathParam("id");
        if (!SessionId.valid(id)) {
            error(ctx, 400, SessionId.rule());
            return null;
        }
        Scope scope = ctx.get(SCOPE);
        if (!scope.mayUse(id)) {
            error(ctx, 403, "this token is for another session");
            return null;
        }
        return id;
    }

    /** True if the caller holds an admin token; otherwise answers 403. */
    static boolean admin(RoutingContext ctx, String route) {
        ctx.put(ROUTE, route);
        Scope scope = ctx.get(SCOPE);
        if (!scope.admin()) {
            error(ctx, 403, "this route needs an admin token");
            return false;
        }
        return true;
    }

    /** Runs {@code work} on a worker thread (the store may wait on the disk), then {@code reply} on the event loop. */
    static <T> void blocking(RoutingContext ctx, Callable<T> work, Consumer<T> reply) {
        Future<T> done = ctx.vertx().executeBlocking(work, false);
        done.onComplete(ar -> {
            if (ar.succeeded()) {
                reply.accept(ar.result());
            } else if (ar.cause() instanceof SessionStoreException e) {
                error(ctx, 503, "the store failed: " + e.getMessage());
            } else if (ar.cause() instanceof IllegalArgumentException e) {
                error(ctx, 400, e.getMessage());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }
}
