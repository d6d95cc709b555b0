/**
 * Sweeps: a base workload run over a grid of its migration settings × seeds, each grid point × seed one run with
 * a stable index, so that a local sweep and a Kubernetes Indexed Job make the same runs.
 */
package dev.ferry.sim.sweep;
