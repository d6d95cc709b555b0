package dev.ferry.api.http;

import dev.ferry.api.control.LeaseHolder;
import dev.ferry.api.control.LeaseOutcome;
import dev.ferry.api.control.SessionLeases;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The lease routes of a session's in-session agent ({@link SessionLeases}), with the session's token (or an admin's):
 * {@code PUT /v1/sessions/{id}/lease} takes or renews it for the body's holder ({@code {"place": ..., "instance":
 * ...}}): 200 with {@code ttl_ms} and {@code expires_at_ms}, or 409 naming the place that holds it;
 * {@code DELETE} with the same body gives it back; {@code GET} reads it (404 if the session never had one).
 */
final class LeaseRoutes {

    private final SessionLeases leases;

    LeaseRoutes(SessionLeases leases) {
        this.leases = leases;
    }

    void mount(Router router) {
        router.put("/v1/sessions/:id/lease").handler(this::renew);
        router.delete("/v1/sessions/:id/lease").handler(this::release);
        router.get("/v1/sessions/:id/lease").handler(this::read);
    }

    private void renew(RoutingContext ctx) {
        String id = Replies.session(ctx, "lease_put");
        LeaseHolder holder = id == null ? null : holder(ctx);
        if (holder == null) {
            return;
        }
        LeaseOutcome outcome = leases.renew(id, holder);
        if (outcome instanceof LeaseOutcome.Granted g) {
            Replies.json(ctx, 200, new JsonObject().put("place", holder.place()).put("ttl_ms", g.ttlMillis())
                    .put("expires_at_ms", g.expiresAtMillis()));
        } else {
            LeaseOutcome.HeldByAnother h = (LeaseOutcome.HeldByAnother) outcome;
            Replies.json(ctx, 409, new JsonObject().put("error", "the lease is held by an instance on " + h.place()
                    + " until " + h.expiresAtMillis()).put("held_by", h.place()).put("expires_at_ms",
                    h.expiresAtMillis()));
        }
    }

    private void release(RoutingContext ctx) {
        String id = Replies.session(ctx, "lease_delete");
        LeaseHolder holder = id == null ? null : holder(ctx);
        if (holder != null) {
            Replies.json(ctx, 200, new JsonObject().put("released", leases.release(id, holder)));
        }
    }

    private void read(RoutingContext ctx) {
        String id = Replies.session(ctx, "lease_get");
        if (id == null) {
            return;
        }
        leases.lease(id).ifPresentOrElse(l -> Replies.json(ctx, 200, new JsonObject().put("place", l.place())
                        .put("acquired_at_ms", l.acquiredAtMillis()).put("expires_at_ms", l.expiresAtMillis())
                        .put("released", l.released())),
                () -> Replies.error(ctx, 404, "session " + id + " never held a lease"));
    }

    /** The body's holder, or null after answering 400. */
    private static LeaseHolder holder(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null || !(body.getValue("place") instanceof String place)
                    || !(body.getValue("instance") instanceof String instance)) {
                Replies.error(ctx, 400, "send {\"place\": \"source or a cluster\", \"instance\": \"...\"}");
                return null;
            }
            return new LeaseHolder(place, instance);
        } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
            Replies.error(ctx, 400, "the body is not a lease holder: " + e.getMessage());
            return null;
        }
    }
}
