package dev.ferry.tracker.watch;

/**
 * Which folders inside an environment the tracker's watcher registers, besides the environment's top level
 * (it never goes deeper than the entries of such a folder). The watcher asks this when a top-level entry
 * appears; the simulation asks the same, so it materializes the events a watcher registered this way would see.
 */
@FunctionalInterface
public interface WatchScope {

    /** Whether the watcher registers the top-level entry {@code name} (a folder) to see the entries inside it. */
    boolean watchesInside(String name);

    /**
     * The tracker's choice: each {@code *.dist-info} folder, where pip shows its progress (its {@code RECORD}
     * last), and nothing inside package folders, which the debouncer does not need.
     */
    WatchScope DIST_INFO = name -> name.endsWith(".dist-info");
}
