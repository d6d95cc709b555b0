/**
 * The trade-off report of a sweep: per setting the mean over seeds with a 95% interval of what a migration costs
 * and how long it takes, the makespan against disruption with the Pareto front, and one CSV row per run.
 */
package dev.ferry.report.sweep;
