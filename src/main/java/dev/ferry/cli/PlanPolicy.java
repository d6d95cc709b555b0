package dev.ferry.cli;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.reconcile.MigrationPolicy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The migration policy {@code ferry migrate plan}'s options describe. The options are checked here rather than by
 * the policy's records, whose messages name Java fields ({@code maxTeamShare}) instead of the options typed.
 */
final class PlanPolicy {

    private PlanPolicy() {
    }

    /** The policy from the options, each checked and named in errors as the user typed it. */
    static MigrationPolicy of(double idleThresholdMinutes, double noticeHours, String deadline, int maxConcurrent,
            int maxPerCluster, double maxTeamShare, List<String> windows) {
        if (!(idleThresholdMinutes > 0)) {
            throw new UserError("--idle-threshold must be more than 0 minutes, was " + idleThresholdMinutes, 2);
        }
        if (!(noticeHours >= 0)) {
            throw new UserError("--notice-hours must be 0 or more, was " + noticeHours, 2);
        }
        if (maxConcurrent < 0 || maxPerCluster < 0) {
            throw new UserError((maxConcurrent < 0 ? "--max-concurrent" : "--max-per-cluster") + " must be 0 or more"
                    + " (0 pauses the migrations it covers), was " + Math.min(maxConcurrent, maxPerCluster), 2);
        }
        if (!(maxTeamShare > 0 && maxTeamShare <= 1)) {
            throw new UserError("--max-team-share must be more than 0 and at most 1 (e.g. 0.25 for 25%), was "
                    + maxTeamShare, 2);
        }
        List<MigrationWindow> parsed = new ArrayList<>();
        for (String window : windows) {
            try {
                parsed.add(MigrationWindow.parse(window));
            } catch (IllegalArgumentException e) {
                String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new UserError("--window '" + window + "' is not a cron window: " + detail, 2);
            }
        }
        long deadlineMillis = deadline == null ? Long.MAX_VALUE : instant("--deadline", deadline);
        DisruptionBudget budget = new DisruptionBudget(maxConcurrent, maxPerCluster, Map.of(), maxTeamShare, parsed);
        return MigrationPolicy.standard(budget, Math.max(1, Math.round(idleThresholdMinutes * 60_000)),
                deadlineMillis, Math.round(noticeHours * 3_600_000));
    }

    static long instant(String option, String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new UserError(option + " must be an ISO-8601 instant such as 2026-11-30T18:00:00Z, was '" + text
                    + "'", 2);
        }
    }
}
