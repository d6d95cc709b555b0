/**
 * The package tracker: watch an environment, coalesce the file events of package operations,
 * scan the installed set, write a durable checkpoint, and restore it on a new container.
 * {@link dev.ferry.tracker.Tracker} wires the pieces; each sub-package has one job.
 */
package dev.ferry.tracker;
