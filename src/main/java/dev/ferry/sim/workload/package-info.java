/**
 * Scenario files (top-level {@code workloads/}): read and validated completely before the first
 * event, with errors that name the file, line, field and what is allowed.
 */
package dev.ferry.sim.workload;
