/**
 * The migration scheduler as a level-triggered reconciler: {@code Observer} reads, {@code Reconciler} (pure) plans,
 * {@code Executor} acts, {@code MigrationScheduler} runs one pass and says when the next is due. All state is on the
 * clusters, so a fresh scheduler resumes a crashed one; the ports it acts through and reports to are declared here.
 */
package dev.ferry.migrate.reconcile;
