package dev.ferry.sim.migration;

/**
 * What a migration came to (results.json's {@code migration} and {@code disruption}). Quantiles are seconds, as
 * {p50, p95, p99, max}.
 *
 * @param migrated              sessions whose Job ended DONE
 * @param failed                sessions whose Job ended FAILED
 * @param rolledBack            sessions rolled back to the source at least once
 * @param stranded              sessions running nowhere at the end (neither the source task nor a target pod)
 * @param doubleRunning         sessions ever running on the source and a target at once
 * @param makespanHours         from the migration's start to the last session becoming usable on its target
 * @param disruptedWhileActive  sessions with at least one user-visible disruption window
 * @param userVisibleSeconds    the user-visible windows
 * @param totalSeconds          every window
 * @param windows               how many windows
 * @param lostKernelState       running containers the migration stopped (each loses its notebook kernels' memory)
 * @param lostPackages          packages the user had that the checkpoint lacked when the migration stopped them
 * @param passes                scheduler passes run
 */
public record MigrationOutcome(String strategy, int migrated, int failed, int rolledBack, int stranded,
                               int doubleRunning, double makespanHours, int disruptedWhileActive,
                               double[] userVisibleSeconds, double[] totalSeconds, int windows, long lostKernelState,
                               long lostPackages, long passes) {
}
