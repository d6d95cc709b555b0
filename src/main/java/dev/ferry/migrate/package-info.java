/**
 * The migration scheduler's pure decisions: cron-form migration windows, disruption budgets computed
 * from a snapshot ({@link dev.ferry.migrate.Budgets}) and federation placement. Time arrives as a value.
 */
package dev.ferry.migrate;
