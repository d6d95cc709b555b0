/**
 * Reads the installed set of an environment: Python distributions from {@code *.dist-info} and
 * {@code *.egg-info}, R packages from {@code DESCRIPTION}. File access goes through
 * {@link dev.ferry.tracker.scan.EnvironmentView}, so the simulation can feed the same scanner.
 */
package dev.ferry.tracker.scan;
