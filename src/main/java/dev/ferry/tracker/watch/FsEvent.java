package dev.ferry.tracker.watch;

/**
 * One file event in a watched environment. {@code top} is the name of an entry directly in the
 * environment directory; {@code child} is the name of an entry inside that one (a file in a
 * {@code *.dist-info} folder) or {@code null} when the event is about {@code top} itself.
 * {@link Kind#OVERFLOW} events carry neither: the watcher lost events and the state must be rescanned.
 *
 * @param env index of the environment among those the tracker watches
 */
public record FsEvent(int env, Kind kind, String top, String child) {

    /** What happened, as the JDK reports it: a rename arrives as DELETED then CREATED. */
    public enum Kind { CREATED, DELETED, MODIFIED, OVERFLOW }

    public static FsEvent top(int env, Kind kind, String top) {
        return new FsEvent(env, kind, top, null);
    }

    public static FsEvent child(int env, Kind kind, String top, String child) {
        return new FsEvent(env, kind, top, child);
    }

    public static FsEvent overflow(int env) {
        return new FsEvent(env, Kind.OVERFLOW, null, null);
    }

    public boolean isTopLevel() {
        return child == null;
    }
}
