package dev.ferry.sim.fs;

import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.watch.FsEvent;
import dev.ferry.tracker.watch.WatchScope;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns inotify events recorded recursively into the events the tracker's watcher would report:
 * the JDK maps IN_CREATE and IN_MOVED_TO to CREATE, IN_DELETE and IN_MOVED_FROM to DELETE,
 * IN_MODIFY and IN_ATTRIB to MODIFY and drops the rest; and the watcher sees only the top level
 * and the folders of its {@link WatchScope} (the tracker's: the {@code *.dist-info} folders)
 * created while it runs. Stateful: it follows which folders are watched. It is the simulation's
 * watcher: what it watches is what a synthetic command must materialize ({@link #observation}).
 */
public final class JdkEventTranslator {

    private final int env;
    private final WatchScope scope;
    private final Set<String> watched = new HashSet<>();

    /** The watcher of environment {@code env} as the tracker registers it ({@link WatchScope#DIST_INFO}). */
    public JdkEventTranslator(int env) {
        this(env, WatchScope.DIST_INFO);
    }

    public JdkEventTranslator(int env, WatchScope scope) {
        this.env = env;
        this.scope = scope;
    }

    /** What this watcher, and a scanner of an environment of {@code kind}, observe of a command's events. */
    public Observation observation(EnvironmentKind kind) {
        return Observation.of(scope, kind);
    }

    /** The event the watcher would report for {@code event}, or {@code null} if it would see none. */
    public FsEvent translate(TraceLine.FileEvent event) {
        FsEvent.Kind kind = kind(event);
        if (kind == null) {
            return null;
        }
        String path = event.path();
        int slash = path.indexOf('/');
        if (slash < 0) {
            if (kind == FsEvent.Kind.CREATED && scope.watchesInside(path)) {
                watched.add(path);
            } else if (kind == FsEvent.Kind.DELETED) {
                watched.remove(path);
            }
            return FsEvent.top(env, kind, path);
        }
        String top = path.substring(0, slash);
        String rest = path.substring(slash + 1);
        if (rest.indexOf('/') >= 0 || !watched.contains(top)) {
            return null;
        }
        return FsEvent.child(env, kind, top, rest);
    }

    static FsEvent.Kind kind(TraceLine.FileEvent event) {
        if (event.has("CREATE") || event.has("MOVED_TO")) {
            return FsEvent.Kind.CREATED;
        }
        if (event.has("DELETE") || event.has("MOVED_FROM")) {
            return FsEvent.Kind.DELETED;
        }
        if (event.has("MODIFY") || event.has("ATTRIB")) {
            return FsEvent.Kind.MODIFIED;
        }
        return null;
    }
}
