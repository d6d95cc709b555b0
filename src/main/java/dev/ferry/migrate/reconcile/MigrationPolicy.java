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

    /** Ferry's timings unless a deployment says otherwise: a pod must run within 20 min of the migration's
     * start and be verified 10 min after that; a rolled-back session waits an hour; look again every 30 s while
     * something moves, at most an hour apart otherwise (a resync for what no event reports: the reconciler asks to
     * be woken when a user turns idle, a notice or deadline falls due or a window opens, and a pod or task change
     * wakes it; a pass over every Job of a whole federation is not free). */
    public static final long STANDARD_START_TIMEOUT_MS = 20 * 60_000L;
    public static final long STANDARD_VERIFY_TIMEOUT_MS = 10 * 60_000L;
    public static final long STANDARD_RETRY_BACKOFF_MS = 60 * 60_000L;
    public static final long STANDARD_POLL_MS = 30_000L;
    public static final long STANDARD_MAX_SLEEP_MS = 60 * 60_000L;

    /** A policy with the standard timings (the simulation's and {@code ferry migrate plan}'s). */
    public static MigrationPolicy standard(DisruptionBudget budget, long idleThresholdMillis,
            long deadlineEpochMillis, long noticeLeadMillis) {
        return new MigrationPolicy(budget, idleThresholdMillis, deadlineEpochMillis, noticeLeadMillis,
                STANDARD_START_TIMEOUT_MS, STANDARD_VERIFY_TIMEOUT_MS, STANDARD_RETRY_BACKOFF_MS, STANDARD_POLL_MS,
                STANDARD_MAX_SLEEP_MS);
    }

    /** When the notice period begins. */
    public long noticeFromMillis() {
        return deadlineEpochMillis == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineEpochMillis - noticeLeadMillis;
    }
}
