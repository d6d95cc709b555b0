/**
 * A simulation run: builds the sessions of a workload on one kernel, drives them over the virtual
 * horizon, and sums up what they measured.
 */
package dev.ferry.sim.run;
