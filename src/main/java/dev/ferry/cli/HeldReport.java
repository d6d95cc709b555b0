package dev.ferry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.reconcile.HoldReason;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The sessions a plan held back and why, as lines for people and as a JSON array for programs. */
final class HeldReport {

    private HeldReport() {
    }

    /** "Held back: n (reason n, ...)" and one line per session, each ending in a newline. */
    static String table(SortedMap<String, HoldReason> held) {
        StringBuilder out = new StringBuilder("Held back: ").append(held.size());
        if (held.isEmpty()) {
            return out.append('\n').toString();
        }
        Map<String, Long> byCode = new TreeMap<>(held.values().stream()
                .collect(Collectors.groupingBy(HoldReason::code, Collectors.counting())));
        out.append(" (").append(byCode.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append(")\n");
        int idWidth = held.keySet().stream().mapToInt(String::length).max().orElse(0);
        int codeWidth = held.values().stream().mapToInt(h -> h.code().length()).max().orElse(0);
        held.forEach((id, why) -> out.append(String.format(Locale.ROOT, "  %-" + idWidth + "s  %-" + codeWidth
                + "s  %s%n", id, why.code(), why.describe())));
        return out.toString();
    }

    /** One object per held session: its id, the reason's code, the sentence, and the reason's own fields. */
    static void json(SortedMap<String, HoldReason> held, ArrayNode into) {
        held.forEach((id, why) -> {
            ObjectNode o = into.addObject().put("session", id).put("reason", why.code())
                    .put("detail", why.describe());
            fields(why, o);
        });
    }

    private static void fields(HoldReason why, ObjectNode o) {
        if (why instanceof HoldReason.NotIdle h) {
            o.put("last_activity", at(h.lastActivityEpochMillis())).put("idle_from", at(h.idleFromEpochMillis()));
        } else if (why instanceof HoldReason.CheckpointBarrier h) {
            o.put("barrier", h.why().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        } else if (why instanceof HoldReason.BudgetReached h) {
            o.put("budget", h.budget().name().toLowerCase(Locale.ROOT).replace('_', '-')).put("scope", h.scope());
        } else if (why instanceof HoldReason.NoCapacity h) {
            h.clusters().forEach(o.putArray("clusters")::add);
            o.put("fits_an_empty_cluster", h.fitsAnEmptyCluster());
        } else if (why instanceof HoldReason.OutsideWindow h) {
            if (h.opensAtEpochMillis() == MigrationWindow.NEVER) {
                o.putNull("opens_at");
            } else {
                o.put("opens_at", at(h.opensAtEpochMillis()));
            }
        } else if (why instanceof HoldReason.RetryBackoff h) {
            o.put("until", at(h.untilEpochMillis()));
        } else if (why instanceof HoldReason.ClustersUnreachable h) {
            h.clusters().forEach(o.putArray("clusters")::add);
        } else if (why instanceof HoldReason.PreviousPodGoingAway h) {
            o.put("cluster", h.cluster());
        } else if (why instanceof HoldReason.SourceNotRunning h) {
            o.put("source_state", h.state().name().toLowerCase(Locale.ROOT));
        } else if (why instanceof HoldReason.StoppedOnSource h) {
            o.put("source_state", h.stateName());
        } else if (why instanceof HoldReason.NeedsOperator h) {
            o.put("cluster", h.cluster());
            h.problems().forEach(o.putArray("problems")::add);
        }
    }

    private static String at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
