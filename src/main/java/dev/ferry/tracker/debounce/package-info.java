/**
 * Pure decision logic that turns a storm of file events into the moment to take one snapshot.
 * A debouncer is told each event and the time; it answers with a deadline and never reads a clock.
 */
package dev.ferry.tracker.debounce;
