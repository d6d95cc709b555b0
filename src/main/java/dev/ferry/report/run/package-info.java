/**
 * The run report (report.html) and the data behind it (sessions.csv's disruption columns, series/*.csv,
 * series/timelines.jsonl): what one simulation recorded, aggregated per session and per virtual hour in Java.
 */
package dev.ferry.report.run;
