/**
 * The migration scheduler as a level-triggered reconciler: {@link dev.ferry.migrate.reconcile.Observer} reads the
 * clusters, {@link dev.ferry.migrate.reconcile.Reconciler} (pure) turns the snapshot into a
 * {@link dev.ferry.migrate.reconcile.Plan}, {@link dev.ferry.migrate.reconcile.Executor} applies it, and
 * {@link dev.ferry.migrate.reconcile.MigrationScheduler} runs one pass and returns when to run the next. No state is
 * kept in memory between passes: everything is on the clusters (Peloton task state, the target Job, its
 * {@code spec.suspend}, its migration annotations, its pod), so a fresh scheduler resumes where a crashed one stopped.
 */
package dev.ferry.migrate.reconcile;
