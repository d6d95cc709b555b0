package dev.ferry.load;

import java.util.List;
import java.util.Map;

/** The load run's targets, judged on Gatling's own figures. */
final class Gates {

    static final double STORM_UPLOADS_PER_SECOND = AgentsPipStorm.STORM_UPLOADS_TARGET;
    static final int STORM_P99_MS = 20;
    static final int SPIKE_ACCEPTED_P99_MS = 50;
    static final int DASHBOARD_P99_MS = 50;

    private Gates() {
    }

    /**
     * The storm while every agent runs (after the ramp, before the first agent's loop ends): the uploads answered per
     * second, the p99, and no failure. The ramp is left out: the agents arrive over it (so the run's whole mean
     * rate can never reach what they offer together), and its first seconds meet a cold server and a cold Gatling
     * on the same two cores (answers' p50 168 ms in the first second, 1 ms from the tenth).
     */
    static void storm(GatlingResults.Window steady, List<String> failures) {
        if (steady.uploadsOkPerSecond() < STORM_UPLOADS_PER_SECOND) {
            failures.add(String.format("AgentsPipStorm: %.0f uploads/s answered%s, the target is at least %.0f",
                    steady.uploadsOkPerSecond(), during(steady), STORM_UPLOADS_PER_SECOND));
        }
        quickAndNoFailure("AgentsPipStorm", steady, STORM_P99_MS, failures);
    }

    /**
     * While every agent beside the operators runs, as for the storm (the ramp meets a Gatling just started): no failed
     * request, and every request (operators' reads and the agents beside them) quick.
     */
    static void dashboard(GatlingResults.Window steady, List<String> failures) {
        quickAndNoFailure("OperatorsDashboard", steady, DASHBOARD_P99_MS, failures);
    }

    /** In {@code steady}: every second's p99 at most {@code p99Ms}, and no failed request. */
    private static void quickAndNoFailure(String simulation, GatlingResults.Window steady, int p99Ms,
            List<String> failures) {
        if (steady.p99AtMost() > p99Ms) {
            failures.add(simulation + ": p99 up to " + steady.p99AtMost() + " ms" + during(steady)
                    + ", the target is at most " + p99Ms + " ms");
        }
        if (steady.ko() > 0) {
            failures.add(simulation + ": " + steady.ko() + " requests failed" + during(steady) + ", the target is 0");
        }
    }

    private static String during(GatlingResults.Window steady) {
        return " while every agent ran (" + steady.from().toSeconds() + "-" + steady.to().toSeconds() + " s)";
    }

    /** 429s expected, nothing else failed, and the accepted uploads quick. */
    static void spike(GatlingResults.Figures all, GatlingResults.Figures accepted, Map<String, Integer> errors,
            List<String> failures) {
        boolean shed = errors.keySet().stream().anyMatch(m -> m.contains("429"));
        if (!shed) {
            failures.add("Spike: no request was answered 429: at ten times the storm's rate the server shed nothing");
        }
        errors.forEach((message, count) -> {
            if (!message.contains("429")) {
                failures.add("Spike: " + count + " requests failed otherwise than with 429: " + message);
            }
        });
        if (accepted.p99() > SPIKE_ACCEPTED_P99_MS) {
            failures.add("Spike: accepted uploads' p99 " + accepted.p99() + " ms, the target is at most "
                    + SPIKE_ACCEPTED_P99_MS + " ms");
        }
    }
}
