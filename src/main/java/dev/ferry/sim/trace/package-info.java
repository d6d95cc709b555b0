/**
 * Recorded pip traces: reading the JSON-lines format and turning inotify's events into what the
 * JDK watch service, and so the tracker's watcher, would report.
 */
package dev.ferry.sim.trace;
