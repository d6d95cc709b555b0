package dev.ferry.api.http;

import dev.ferry.api.control.SessionId;
import dev.ferry.api.control.SessionStoreException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How every route answers: JSON bodies, the route's name for the metrics, access checks, blocking store reads off the
 * event loop, and changes answered only once durable.
 */
final class Replies {

    static final String ROUTE = "ferry.route";
    static final String SCOPE = "ferry.scope";

    private Replies() {
    }

    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    static void json(RoutingContext ctx, int status, JsonObject body) {
        json(ctx, status, body.encode());
    }

    /** A JSON body already encoded: the replies every upload and no-op gets, made without a JSON object. */
    static void json(RoutingContext ctx, int status, String encoded) {
        ctx.response().setStatusCode(status).putHeader(CONTENT_TYPE, JSON).end(encoded);
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

    /** Runs {@code work} on a worker thread (a read that may wait on the disk), then {@code reply} on the loop. */
    static <T> void blocking(RoutingContext ctx, Callable<T> work, Consumer<T> reply) {
        Future<T> done = ctx.vertx().executeBlocking(work, false);
        done.onComplete(ar -> {
            if (ar.succeeded()) {
                reply.accept(ar.result());
            } else {
                failed(ctx, ar.cause());
            }
        });
    }

    /**
     * Decides a change on the event loop ({@code decide} must not block: the control plane's changes only queue their
     * writes) and runs {@code reply} on the event loop once the change is durable. No thread waits for the disk
     * meanwhile; the request counts as in flight until it is answered.
     */
    static <T> void durably(RoutingContext ctx, Supplier<CompletionStage<T>> decide, Consumer<T> reply) {
        CompletionStage<T> durable;
        try {
            durable = decide.get();
        } catch (RuntimeException e) {
            failed(ctx, e);
            return;
        }
        answerWhenDone(ctx, durable, reply);
    }

    /**
     * As {@link #durably}, with the decision made on a worker thread: for an upload, whose verification takes CPU in
     * proportion to the checkpoint's size (up to 16 MiB), which must not hold up an event loop's other connections.
     * The worker is free again once the change is queued.
     */
    static <T> void durablyOffLoop(RoutingContext ctx, Supplier<CompletionStage<T>> decide, Consumer<T> reply) {
        Future<CompletionStage<T>> decided = ctx.vertx().executeBlocking(decide::get, false);
        decided.onComplete(ar -> {
            if (ar.succeeded()) {
                answerWhenDone(ctx, ar.result(), reply);
            } else {
                failed(ctx, ar.cause());
            }
        });
    }

    private static <T> void answerWhenDone(RoutingContext ctx, CompletionStage<T> durable, Consumer<T> reply) {
        Context loop = ctx.vertx().getOrCreateContext();
        durable.whenComplete((value, failure) -> {
            if (Vertx.currentContext() == loop) {
                answer(ctx, value, failure, reply);
            } else {
                // completed by the store's writer: the answer is written from the request's own event loop
                loop.runOnContext(v -> answer(ctx, value, failure, reply));
            }
        });
    }

    private static <T> void answer(RoutingContext ctx, T value, Throwable failure, Consumer<T> reply) {
        if (failure == null) {
            reply.accept(value);
        } else {
            failed(ctx, failure);
        }
    }

    private static void failed(RoutingContext ctx, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof SessionStoreException e) {
            error(ctx, 503, "the store failed: " + e.getMessage());
        } else if (cause instanceof IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
        } else {
            ctx.fail(cause);
        }
    }
}
