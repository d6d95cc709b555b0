package dev.ferry.api.http;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.reconcile.HoldReason;
import dev.ferry.migrate.reconcile.MigrationOverview;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The scheduler's {@link MigrationOverview} as {@code GET /v1/migration} shows it. */
final class OverviewJson {

    private OverviewJson() {
    }

    static JsonObject of(MigrationOverview o) {
        JsonArray clusters = new JsonArray();
        o.clusters().forEach(c -> clusters.add(new JsonObject().put("name", c.name()).put("reachable", c.reachable())
                .put("by_state", states(c.byState()))));
        JsonArray budgets = new JsonArray();
        o.budgets().forEach(b -> budgets.add(new JsonObject().put("budget", b.budget().name().toLowerCase(Locale.ROOT))
                .put("scope", b.scope()).put("in_flight", b.inFlight()).put("limit", b.limit())));
        Map<String, Integer> heldByReason = new TreeMap<>();
        o.held().values().forEach(h -> heldByReason.merge(h.code(), 1, Integer::sum));
        return new JsonObject().put("at", SessionRoutes.instant(o.atEpochMillis())).put("sessions", o.sessions())
                .put("without_job", o.withoutJob()).put("unreadable", o.unreadable())
                .put("by_state", states(o.byState())).put("clusters", clusters).put("budgets", budgets)
                .put("in_window", o.inWindow())
                .put("next_window", o.nextWindowEpochMillis() == MigrationWindow.NEVER ? null
                        : SessionRoutes.instant(o.nextWindowEpochMillis()))
                .put("held", o.held().size()).put("held_by_reason", new JsonObject(new TreeMap<>(heldByReason)));
    }

    static JsonObject held(HoldReason why) {
        return new JsonObject().put("code", why.code()).put("reason", why.describe());
    }

    private static JsonObject states(Map<MigrationState, Integer> counts) {
        JsonObject out = new JsonObject();
        counts.forEach((state, n) -> out.put(state.name().toLowerCase(Locale.ROOT), n));
        return out;
    }
}
