package dev.ferry.api.http;

import dev.ferry.api.control.ControlPlane;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operators' routes: the migration's progress, pause and resume. Admin tokens only. {@code scheduler} is the
 * overview of the scheduler's latest full pass, null until one was published; {@code sessions_reporting} counts the
 * sessions whose trackers reported anything.
 */
final class MigrationRoutes {

    private final ControlPlane plane;

    MigrationRoutes(ControlPlane plane) {
        this.plane = plane;
    }

    void mount(Router router) {
        router.get("/v1/migration").handler(this::overview);
        router.post("/v1/migration/pause").handler(ctx -> pause(ctx, true));
        router.post("/v1/migration/resume").handler(ctx -> pause(ctx, false));
    }

    private void overview(RoutingContext ctx) {
        if (!Replies.admin(ctx, "migration_get")) {
            return;
        }
        Replies.blocking(ctx, () -> new JsonObject().put("paused", plane.paused())
                .put("sessions_reporting", plane.sessions())
                .put("scheduler", plane.overview().map(OverviewJson::of).orElse(null)),
                body -> Replies.json(ctx, 200, body));
    }

    private void pause(RoutingContext ctx, boolean paused) {
        if (!Replies.admin(ctx, paused ? "migration_pause" : "migration_resume")) {
            return;
        }
        Replies.durably(ctx, () -> plane.setPaused(paused),
                done -> Replies.json(ctx, 200, new JsonObject().put("paused", paused)));
    }
}
