/**
 * Simulated file systems: an environment directory kept in memory, changed by replayed or synthetic file events
 * (a recorded trace's events applied by {@code TraceFileSystem}, and turned by {@code JdkEventTranslator} into
 * what the JDK watch service would report), and read by the real scanner through its environment view.
 */
package dev.ferry.sim.fs;
