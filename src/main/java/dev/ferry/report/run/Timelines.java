package dev.ferry.report.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sim.migration.MigrationHistory;
import dev.ferry.sim.migration.MigrationSteps;
import dev.ferry.sim.run.SimulationResult;
import dev.ferry.sim.session.SessionTimeline;
import dev.ferry.sim.world.ActivitySchedule;
import dev.ferry.sim.world.SessionProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each session's timeline as one compact JSON object (a line of series/timelines.jsonl, and what the report
 * decodes when a session is picked). Times are whole virtual seconds from the run's start; flat arrays hold
 * tuples: {@code active} [start, end]..., {@code commands} [from, to, outcome]... (0 changed the environment,
 * 1 changed nothing, 2 interrupted), {@code checkpoints} [t]..., {@code stops} [t, cause]... (0 user, 1 out of
 * memory, 2 node lost, 3 migration), {@code usable} [t]..., {@code steps} [t, step, cluster]... (step: an index
 * into {@link #STEP_LABELS}; cluster: an index into the run's clusters, -1 on the source).
 */
final class Timelines {

    static final List<String> STEP_LABELS = java.util.Arrays.stream(MigrationSteps.Step.values())
            .map(MigrationSteps.Step::label).toList();
    static final List<String> STOP_CAUSES = List.of("user", "oom", "node_loss", "migration");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The time fields of a timeline: for each array, its tuple width and the positions in a tuple that are times. */
    static final Map<String, int[]> TIME_FIELDS = Map.of(
            "active", new int[] {2, 0, 1}, "commands", new int[] {3, 0, 1}, "checkpoints", new int[] {1, 0},
            "stops", new int[] {2, 0}, "usable", new int[] {1, 0}, "steps", new int[] {3, 0});

    private Timelines() {
    }

    /** One JSON text per session, in the run's order; {@code history} null without a migration. */
    static List<String> of(SimulationResult result, MigrationHistory history, List<SessionDisruptions.Row> rows) {
        int n = result.rows().size();
        List<List<Integer>> stepsOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            stepsOf.add(new ArrayList<>());
        }
        MigrationSteps steps = history == null ? null : history.steps();
        if (steps != null) {
            for (int k = 0; k < steps.size(); k++) {
                stepsOf.get(steps.session(k)).add(k);
            }
        }
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SimulationResult.SessionRow row = result.rows().get(i);
            SessionProfile p = row.session().profile();
            ObjectNode o = JSON.createObjectNode();
            o.put("session", p.id());
            o.put("team", p.team());
            o.put("owner", p.owner());
            o.put("kind", p.kind());
            o.put("size", p.size().name());
            o.put("cluster", rows.get(i).cluster());
            o.put("user_visible_s", Math.round(rows.get(i).userVisibleSeconds() * 10) / 10.0);
            o.put("total_s", Math.round(rows.get(i).totalSeconds() * 10) / 10.0);
            ActivitySchedule a = row.schedule();
            ArrayNode active = o.putArray("active");
            for (int k = 0; k < a.periods(); k++) {
                active.add(seconds(a.start(k))).add(seconds(a.end(k)));
            }
            marks(o, row.session().timeline());
            ArrayNode s = o.putArray("steps");
            for (int k : stepsOf.get(i)) {
                s.add(seconds(steps.at(k))).add(steps.step(k).ordinal()).add(steps.cluster(k));
            }
            try {
                lines.add(JSON.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a timeline: " + e.getOriginalMessage(), e);
            }
        }
        return lines;
    }

    /**
     * The timelines as the report embeds them: each time array holds every time as its difference from the
     * previous time in that array (the first from 0), which the page's script sums back when a session is first
     * picked. Small numbers instead of six-digit seconds keep a 3,500-session report about a quarter smaller.
     */
    static List<String> forPage(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                ObjectNode o = (ObjectNode) JSON.readTree(line);
                TIME_FIELDS.forEach((field, shape) -> {
                    ArrayNode a = (ArrayNode) o.get(field);
                    long previous = 0;
                    for (int k = 0; k < a.size(); k += shape[0]) {
                        for (int p = 1; p < shape.length; p++) {
                            JsonNode value = a.get(k + shape[p]);
                            a.set(k + shape[p], value.asLong() - previous);
                            previous = value.asLong();
                        }
                    }
                });
                out.add(JSON.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot re-encode a timeline: " + e.getOriginalMessage(), e);
            }
        }
        return out;
    }

    private static void marks(ObjectNode o, SessionTimeline t) {
        ArrayNode commands = o.putArray("commands");
        ArrayNode checkpoints = o.putArray("checkpoints");
        ArrayNode stops = o.putArray("stops");
        ArrayNode usable = o.putArray("usable");
        for (int k = 0; k < t.size(); k++) {
            long at = seconds(t.at(k));
            switch (t.kind(k)) {
                case COMMAND -> commands.add(seconds(t.from(k))).add(at).add(0);
                case COMMAND_UNCHANGED -> commands.add(seconds(t.from(k))).add(at).add(1);
                case COMMAND_INTERRUPTED -> commands.add(seconds(t.from(k))).add(at).add(2);
                case CHECKPOINT -> checkpoints.add(at);
                case STOP_USER -> stops.add(at).add(0);
                case STOP_OOM -> stops.add(at).add(1);
                case STOP_NODE_LOSS -> stops.add(at).add(2);
                case STOP_MIGRATION -> stops.add(at).add(3);
                case USABLE -> usable.add(at);
            }
        }
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}
