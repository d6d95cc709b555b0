/**
 * Restore: re-applies a checkpoint's changes to the environment of a Python interpreter on a new image. Decisions
 * (validation, which environment, the plan, the verdict) are pure; pip runs behind {@code PipRunner}.
 */
package dev.ferry.tracker.restore;
