/**
 * The CI gate: a suite of scenarios and seeds (sim/suite.yaml) and the budgets each result must
 * stay within (sim/budgets.yaml).
 */
package dev.ferry.sim.gate;
