/**
 * What the migration scheduler decides on (sessions and specs, {@code Resources}, target clusters and the room on
 * them, source and pod states, the migration record) and its pure decisions: windows, disruption budgets and
 * placement. Time arrives as a value; no orchestrator's types appear here.
 */
package dev.ferry.migrate;
