/**
 * A sweep as a Kubernetes Indexed Job: one pod per run index, each making the run a local sweep makes for that
 * index, onto a shared volume. Built with the fabric8 model, written as YAML for kubectl, never applied.
 */
package dev.ferry.sim.sweep.job;
