/**
 * Simulated file systems: an environment directory kept in memory, changed by replayed or
 * synthetic file events, and read by the real scanner through its environment view.
 */
package dev.ferry.sim.fs;
