/**
 * What a simulation run leaves behind for people and scripts: results.json (the schema is in
 * README.md) and sessions.csv, one row per session, for pandas.
 */
package dev.ferry.report;
