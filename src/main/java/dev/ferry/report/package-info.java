/**
 * What a simulation run leaves behind for people and scripts: results.json (the schema is in README.md),
 * sessions.csv, one row per session, for pandas, the run report and its series (run/), and comparisons with a
 * baseline. It reads results; only {@code cli} imports it, and nothing in {@code sim} does.
 */
package dev.ferry.report;
