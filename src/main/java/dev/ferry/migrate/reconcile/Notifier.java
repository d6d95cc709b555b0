package dev.ferry.migrate.reconcile;

/**
 * Tells users that their session will be migrated at the deadline. Must be idempotent: the reconciler asks again
 * on every pass of the notice period, and the implementation sends at most one notice per session and deadline.
 */
public interface Notifier {

    void noticeOfMigration(String sessionId, String owner, long deadlineEpochMillis);
}
