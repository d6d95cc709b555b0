package dev.ferry.report.run;

import java.time.Instant;

/**
 * What ran: the workload (its name and the file given), the seed, the strategy (null without a migration), the
 * scenario budgets are matched on, the build, the wall time of the simulation, and the command that reproduces it.
 */
public record RunInfo(String workload, String workloadFile, String scenario, long seed, String strategy,
                      BuildInfo build, double wallSeconds, String command, Instant start) {
}
