/**
 * What the migration scheduler decides on — sessions and their specs, {@link dev.ferry.migrate.Resources}, target
 * clusters, source and pod states, the migration record — and its pure decisions: cron-form migration windows,
 * disruption budgets computed from a snapshot ({@link dev.ferry.migrate.Budgets}) and federation placement. Time
 * arrives as a value; no orchestrator's types appear here.
 */
package dev.ferry.migrate;
