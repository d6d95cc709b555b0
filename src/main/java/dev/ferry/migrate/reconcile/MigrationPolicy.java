package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.DisruptionBudget;
import java.util.Objects;

/**
 * How the scheduler migrates. Durations in ms, instants in epoch ms.
 *
 * @param budget              disruption budgets
 * @param idleThresholdMillis a user idle this long may be migrated
 * @param deadlineEpochMillis from this instant every session is migrated, idle or not ({@link Long#MAX_VALUE}: never)
 * @param noticeLeadMillis    users who are not idle are notified during {@code [deadline - lead, deadline)}
 * @param startTimeoutMillis  the target pod must run within this long of the migration's start
 * @param verifyTimeoutMillis the restore must be verified within this long after the start timeout's end
 * @param retryBackoffMillis  a rolled-back session is not retried until this long after its migration started
 * @param pollMillis          how soon to look again while something is moving
 * @param maxSleepMillis      the longest the scheduler sleeps when nothing is moving
 */
public record MigrationPolicy(DisruptionBudget budget, long idleThresholdMillis, long deadlineEpochMillis,
        long noticeLeadMillis, long startTimeoutMillis, long verifyTimeoutMillis, long retryBackoffMillis,
        long pollMillis, long maxSleepMillis) {

    public MigrationPolicy {
        Objects.requireNonNull(budget, "budget");
        positive(idleThresholdMillis, "idleThresholdMillis");
        positive(startTimeoutMillis, "startTimeoutMillis");
        positive(verifyTimeoutMillis, "verifyTimeoutMillis");
        positive(pollMillis, "pollMillis");
        positive(maxSleepMillis, "maxSleepMillis");
        if (noticeLeadMillis < 0 || retryBackoffMillis < 0) {
            throw new IllegalArgumentException("noticeLeadMillis and retryBackoffMillis must be 0 or more");
        }
    }

    private static void positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be more than 0, found " + value);
        }
    }

    /** When the notice period begins. */
    public long noticeFromMillis() {
        return deadlineEpochMillis == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineEpochMillis - noticeLeadMillis;
    }
}
