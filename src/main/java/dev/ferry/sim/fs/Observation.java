package dev.ferry.sim.fs;

import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.WatchScope;

/**
 * Which file events of a synthetic command anything can observe, and so must be materialized one by one: what
 * the tracker's watcher registers ({@link WatchScope}: the top level and the folders it names) and what its
 * scanner reads ({@link Scanner#reads}). The others are only counted: nothing watches or reads them, so
 * leaving them out changes no figure. Their time still passes, gap by gap, as if they had been written.
 */
public final class Observation {

    /** Every event, at every depth: a trace mirrored in full. */
    public static final Observation EVERYTHING = new Observation(null, null, true, true);
    /** None: what a restore writes before any tracker watches, whose time alone counts. */
    public static final Observation NOTHING = new Observation(null, null, false, false);

    private final WatchScope scope;
    private final EnvironmentKind kind;
    private final boolean topLevel;
    private final boolean everything;

    private Observation(WatchScope scope, EnvironmentKind kind, boolean topLevel, boolean everything) {
        this.scope = scope;
        this.kind = kind;
        this.topLevel = topLevel;
        this.everything = everything;
    }

    /** What a tracker watching with {@code scope} and scanning an environment of {@code kind} observes. */
    public static Observation of(WatchScope scope, EnvironmentKind kind) {
        return new Observation(scope, kind, true, false);
    }

    /** Whether events on the environment's top-level entries are observed. */
    public boolean topLevel() {
        return topLevel;
    }

    /** Whether any event on an entry directly inside the top-level folder {@code top} may be observed. */
    public boolean anyInside(String top) {
        return everything || topLevel && (scope.watchesInside(top) || Scanner.readsInside(kind, top));
    }

    /** Whether events on {@code child}, directly inside the top-level folder {@code top}, are observed. */
    public boolean inside(String top, String child) {
        return everything || topLevel && (scope.watchesInside(top) || Scanner.reads(kind, top, child));
    }

    /** Whether events deeper than the entries of a top-level folder are observed (no watcher or scanner goes there). */
    public boolean deeper() {
        return everything;
    }
}
