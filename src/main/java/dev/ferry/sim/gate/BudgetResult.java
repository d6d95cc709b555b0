package dev.ferry.sim.gate;

/** One budget checked against a run: its limit, the run's value, and whether it held. */
public record BudgetResult(String name, String metric, String comparison, double limit, double value, boolean pass) {
}
