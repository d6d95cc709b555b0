package dev.ferry.api.http;

import dev.ferry.api.control.ActivityOutcome;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.SessionRecord;
import dev.ferry.api.control.UploadOutcome;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The routes a session's tracker uses, and the read of one session. */
final class SessionRoutes {

    /**
     * Bodies up to this size (32 KiB, a real environment of 1,000 packages) are checked on the event loop: the check of
     * the load run's 7.6 KB checkpoint takes about 25 us of CPU, less than the two hops to a worker thread and back it
     * would cost; a larger one, up to 16 MiB, is checked on a worker, not to hold up the loop's other connections.
     */
    static final int CHECKED_ON_LOOP = 32 * 1024;

    private final ControlPlane plane;
    private final ServerMetrics metrics;

    SessionRoutes(ControlPlane plane, ServerMetrics metrics) {
        this.plane = plane;
        this.metrics = metrics;
    }

    void mount(Router router) {
        router.put("/v1/sessions/:id/checkpoint").handler(this::upload);
        router.get("/v1/sessions/:id/checkpoint").handler(this::download);
        router.get("/v1/sessions/:id").handler(this::read);
        router.post("/v1/sessions/:id/activity").handler(this::activity);
        router.put("/v1/sessions/:id/install").handler(ctx -> install(ctx, true));
        router.delete("/v1/sessions/:id/install").handler(ctx -> install(ctx, false));
        router.put("/v1/sessions/:id/restored").handler(this::restored);
        router.delete("/v1/sessions/:id/restored").handler(this::forgetRestored);
    }

    private void upload(RoutingContext ctx) {
        String id = Replies.session(ctx, "checkpoint_put");
        if (id == null) {
            return;
        }
        // the body's bytes as they came: checked and stored as they are, never decoded to a String
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (body.length <= CHECKED_ON_LOOP) {
            Replies.durably(ctx, () -> plane.upload(id, body), outcome -> answer(ctx, outcome));
        } else {
            Replies.durablyOffLoop(ctx, () -> plane.upload(id, body), outcome -> answer(ctx, outcome));
        }
    }

    private void answer(RoutingContext ctx, UploadOutcome outcome) {
        if (outcome instanceof UploadOutcome.Created c) {
            Replies.json(ctx, 201, acknowledged(c.generation()));
        } else if (outcome instanceof UploadOutcome.Replaced r) {
            Replies.json(ctx, 200, acknowledged(r.generation()));
        } else if (outcome instanceof UploadOutcome.Confirmed c) {
            Replies.json(ctx, 200, acknowledged(c.generation()));
        } else if (outcome instanceof UploadOutcome.NotNewer n) {
            metrics.refused("not_newer");
            Replies.json(ctx, 409, generation(n.stored()).put("error", "generation " + n.offered()
                    + " is not newer than the stored generation " + n.stored()));
        } else if (outcome instanceof UploadOutcome.Damaged d) {
            metrics.refused("damaged");
            Replies.error(ctx, 400, d.reason());
        } else if (outcome instanceof UploadOutcome.TooLarge t) {
            metrics.refused("too_large");
            Replies.error(ctx, 413, "the checkpoint is " + t.bytes() + " bytes, more than the " + t.limit()
                    + " a checkpoint may be");
        }
    }

    private void download(RoutingContext ctx) {
        String id = Replies.session(ctx, "checkpoint_get");
        if (id == null) {
            return;
        }
        Replies.blocking(ctx, () -> plane.checkpointText(id), text -> {
            if (text.isEmpty()) {
                Replies.error(ctx, 404, "no checkpoint stored for session " + id);
            } else {
                ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end(text.get());
            }
        });
    }

    private void read(RoutingContext ctx) {
        String id = Replies.session(ctx, "session_get");
        if (id == null) {
            return;
        }
        Replies.blocking(ctx, () -> plane.session(id), found -> {
            if (found.isEmpty()) {
                Replies.error(ctx, 404, "nothing was ever reported for session " + id);
            } else {
                Replies.json(ctx, 200, describe(found.get())
                        .put("held", plane.heldBecause(id).map(OverviewJson::held).orElse(null)));
            }
        });
    }

    private static JsonObject describe(SessionRecord r) {
        return new JsonObject().put("id", r.id()).put("generation", r.generation())
                .put("written", r.hasCheckpoint() ? instant(r.writtenAtEpochMillis()) : null)
                .put("confirmed", r.confirmedAtEpochMillis() > 0 ? instant(r.confirmedAtEpochMillis()) : null)
                .put("install_in_progress", r.installInProgress())
                .put("last_activity", r.lastActivity().isPresent() ? instant(r.lastActivityEpochMillis()) : null)
                .put("restored_generation", r.restored().isPresent() ? r.restoredGeneration() : null);
    }

    private void activity(RoutingContext ctx) {
        String id = Replies.session(ctx, "activity_post");
        if (id == null) {
            return;
        }
        long at;
        try {
            String text = ctx.body().asJsonObject().getString("last_activity");
            if (text == null) {
                Replies.error(ctx, 400, "the body must be {\"last_activity\": \"<ISO-8601 time>\"}");
                return;
            }
            at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from).toEpochMilli();
        } catch (DecodeException | ClassCastException | DateTimeParseException e) {
            Replies.error(ctx, 400, "the body must be {\"last_activity\": \"<ISO-8601 time with offset>\"}");
            return;
        }
        Replies.durably(ctx, () -> plane.activity(id, at), outcome -> {
            if (outcome instanceof ActivityOutcome.Recorded r) {
                Replies.json(ctx, 200, new JsonObject().put("last_activity", instant(r.lastActivityEpochMillis())));
            } else if (outcome instanceof ActivityOutcome.TooFarAhead t) {
                Replies.error(ctx, 400, "last_activity " + instant(t.reportedEpochMillis())
                        + " is more than 59 minutes in the future");
            }
        });
    }

    private void install(RoutingContext ctx, boolean inProgress) {
        String id = Replies.session(ctx, inProgress ? "install_put" : "install_delete");
        if (id == null) {
            return;
        }
        Replies.durably(ctx, () -> plane.install(id, inProgress),
                done -> Replies.json(ctx, 200, new JsonObject().put("install_in_progress", inProgress)));
    }

    private void restored(RoutingContext ctx) {
        String id = Replies.session(ctx, "restored_put");
        if (id == null) {
            return;
        }
        long generation;
        try {
            Object value = ctx.body().asJsonObject().getValue("generation");
            if (!(value instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
                Replies.error(ctx, 400, "the body must be {\"generation\": <whole number, 0 or more>}; for a failed"
                        + " restore or a container gone down, DELETE /v1/sessions/" + id + "/restored");
                return;
            }
            generation = n.longValue();
        } catch (DecodeException | ClassCastException e) {
            Replies.error(ctx, 400, "the body must be {\"generation\": <whole number, 0 or more>}");
            return;
        }
        Replies.durably(ctx, () -> plane.restored(id, generation),
                done -> Replies.json(ctx, 200, new JsonObject().put("restored_generation", generation)));
    }

    private void forgetRestored(RoutingContext ctx) {
        String id = Replies.session(ctx, "restored_delete");
        if (id == null) {
            return;
        }
        Replies.durably(ctx, () -> plane.forgetRestored(id),
                done -> Replies.json(ctx, 200, new JsonObject().putNull("restored_generation")));
    }

    /** {@code {"generation":g}}, as {@link JsonObject#encode} writes it, without a JSON object to encode. */
    private static String acknowledged(long g) {
        return "{\"generation\":" + g + "}";
    }

    private static JsonObject generation(long g) {
        return new JsonObject().put("generation", g);
    }

    static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
