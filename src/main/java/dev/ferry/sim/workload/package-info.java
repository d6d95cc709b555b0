/**
 * Scenario files (top-level {@code workloads/}): read and validated completely before the first event, with errors
 * that name the file, line, field and what is allowed; and the migration {@code Strategy}, which builds its own
 * scheduler policy. Configuration only: it imports models and product types, nothing of the simulation's runtime.
 */
package dev.ferry.sim.workload;
