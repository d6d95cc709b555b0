/**
 * File events of an environment, in the vocabulary the JDK's watch service speaks, and the real
 * inotify watcher that produces them for the top level and each distribution's metadata folder.
 */
package dev.ferry.tracker.watch;
