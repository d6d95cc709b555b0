/**
 * The migration scheduler as a level-triggered reconciler: {@link dev.ferry.migrate.reconcile.Observer} reads the
 * clusters, {@link dev.ferry.migrate.reconcile.Reconciler} (pure) turns the snapshot into a
 * {@link dev.ferry.migrate.reconcile.Plan}, {@link dev.ferry.migrate.reconcile.Executor} applies it, and
 * {@link dev.ferry.migrate.reconcile.MigrationScheduler} runs one pass and returns when to run the next. No state is
 * kept in memory between passes: everything is on the clusters (Peloton task state, the target Job, its
 * {@code spec.suspend}, its migration record, its pod), so a fresh scheduler resumes where a crashed one stopped. The
 * ports it reads and acts through ({@link dev.ferry.migrate.reconcile.SourceOrchestrator},
 * {@link dev.ferry.migrate.reconcile.TargetClusters}, {@link dev.ferry.migrate.reconcile.CheckpointSignals}) are
 * declared here and implemented by the adapters in {@code dev.ferry.cluster}.
 */
package dev.ferry.migrate.reconcile;
