/**
 * The CI gate: a suite of scenarios and seeds (sim/suite.yaml) and the budgets each result must stay within
 * (sim/budgets.yaml), judged into {@code BudgetResult}s. It reads results; {@code report} prints its verdicts, and
 * the gate never imports {@code report}.
 */
package dev.ferry.sim.gate;
