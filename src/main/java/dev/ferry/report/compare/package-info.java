/**
 * Comparisons of simulation runs for analysts: runs named and grouped by scenario, strategy and seed,
 * matched with their baseline on all three, differences between strategies across seeds with a 95%
 * interval and a verdict, and the one offline HTML page that shows it all.
 */
package dev.ferry.report.compare;
