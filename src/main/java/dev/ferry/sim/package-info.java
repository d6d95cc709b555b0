/**
 * The harness's wiring: simulated file systems, trace replay, and (later) mock clusters and the
 * metrics and gates of a simulation run. Harness code may use product code, never the reverse.
 */
package dev.ferry.sim;
