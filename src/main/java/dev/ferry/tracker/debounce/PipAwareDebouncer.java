package dev.ferry.tracker.debounce;

import dev.ferry.tracker.watch.FsEvent;
import java.util.HashMap;
import java.util.HashSet;

/**
 * Snapshots as soon as the events say that no package operation is half-done, and holds while they
 * say one is. What the events say, for pip (see the recorded traces):
 * <ul>
 *   <li>a new {@code *.dist-info} folder is being written until its final {@code RECORD} lands.
 *       pip extracts the wheel's own RECORD first, byte-compiles for up to seconds, then writes
 *       {@code INSTALLER} and the final {@code RECORD} through a temporary name and a rename, so
 *       a RECORD that appears after a {@code RECORD*.tmp} or after {@code INSTALLER} closes it;</li>
 *   <li>an uninstall or upgrade first moves the old files aside into {@code ~}-prefixed stash
 *       folders, and the operation is unfinished while any exists;</li>
 *   <li>R installs hold a {@code 00LOCK*} folder while they run;</li>
 *   <li>pip installs dependencies before what needs them and writes {@code REQUESTED} only into
 *       the distributions the user asked for, so a distribution that finishes without it is a
 *       dependency: another distribution is still to come;</li>
 *   <li>pip writes some top-level modules before their dist-info folder: a new top-level entry
 *       that appears while nothing else is open is a weaker sign, held for a shorter time.</li>
 * </ul>
 * With no such sign the snapshot follows a short settle time. Every hold is bounded by quiet time,
 * and all of them by {@code maxWait} since the first unflushed event. Signs still present after a
 * full hold of quiet (a pip that was killed leaves its stash behind) are forgotten at the flush.
 */
public final class PipAwareDebouncer implements Debouncer {

    private static final int RECORD_TEMP_SEEN = 1;
    private static final int INSTALLER_SEEN = 2;
    private static final int REQUESTED_SEEN = 4;

    private final long settle;
    private final long strayHold;
    private final long dependencyHold;
    private final long busyHold;
    private final long maxWait;

    /** Open {@code *.dist-info} folders, to flags of what has been seen inside them. */
    private final HashMap<String, Integer> openDistributions = new HashMap<>();
    private final HashSet<String> stashes = new HashSet<>();
    private final HashSet<String> locks = new HashSet<>();
    private int strays;
    /** The last distribution finished without REQUESTED: a dependency, so the one that needs it is still to come. */
    private boolean dependencyFinished;

    private boolean dirty;
    private long firstEvent;
    private long lastEvent;

    public PipAwareDebouncer(DebounceSettings settings) {
        this.settle = settings.settle().toNanos();
        this.strayHold = settings.strayHold().toNanos();
        this.dependencyHold = settings.dependencyHold().toNanos();
        this.busyHold = settings.busyHold().toNanos();
        this.maxWait = settings.maxWait().toNanos();
    }

    @Override
    public void onEvent(FsEvent event, long nowNanos) {
        if (!dirty) {
            dirty = true;
            firstEvent = nowNanos;
        }
        lastEvent = nowNanos;
        if (event.kind() == FsEvent.Kind.OVERFLOW) {
            forgetSigns();
            strays = 1;
            return;
        }
        if (event.isTopLevel()) {
            onTopLevel(event.kind(), event.top());
        } else {
            onChild(event.kind(), event.top(), event.child());
        }
    }

    private void onTopLevel(FsEvent.Kind kind, String top) {
        if (kind == FsEvent.Kind.CREATED) {
            if (isStash(top)) {
                stashes.add(top);
            } else if (isLock(top)) {
                locks.add(top);
            } else if (isDistInfo(top)) {
                openDistributions.put(top, 0);
                dependencyFinished = false;
            } else if (!busy()) {
                strays++;
            }
        } else if (kind == FsEvent.Kind.DELETED) {
            if (isStash(top)) {
                stashes.remove(top);
            } else if (isLock(top)) {
                // R is done with this package, even when a long silent compile made us forget its lock:
                // the package folder it moved in meanwhile was R's, not a stray.
                locks.remove(top);
                strays = 0;
            } else if (isDistInfo(top)) {
                openDistributions.remove(top);
            }
        }
    }

    private void onChild(FsEvent.Kind kind, String top, String child) {
        if (kind != FsEvent.Kind.CREATED || !isDistInfo(top)) {
            return;
        }
        Integer flags = openDistributions.get(top);
        if (flags == null) {
            return;
        }
        if (child.startsWith("RECORD")) {
            if (child.length() > "RECORD".length()) {
                openDistributions.put(top, flags | RECORD_TEMP_SEEN);
            } else if (flags != 0) {
                openDistributions.remove(top);
                strays = 0;
                dependencyFinished = (flags & REQUESTED_SEEN) == 0;
            }
        } else if (child.equals("INSTALLER")) {
            openDistributions.put(top, flags | INSTALLER_SEEN);
        } else if (child.equals("REQUESTED")) {
            openDistributions.put(top, flags | REQUESTED_SEEN);
        }
    }

    private boolean busy() {
        return !openDistributions.isEmpty() || !stashes.isEmpty() || !locks.isEmpty();
    }

    private long quietNeeded() {
        if (busy()) {
            return busyHold;
        }
        return strays > 0 ? strayHold : dependencyFinished ? dependencyHold : settle;
    }

    @Override
    public long deadline() {
        if (!dirty) {
            return NONE;
        }
        return Math.min(lastEvent + quietNeeded(), firstEvent + maxWait);
    }

    @Override
    public void flushed(long nowNanos) {
        dirty = false;
        long quiet = nowNanos - lastEvent;
        if (quiet >= busyHold) {
            forgetSigns();
        } else {
            if (quiet >= strayHold) {
                strays = 0;
            }
            if (quiet >= dependencyHold) {
                dependencyFinished = false;
            }
        }
    }

    private void forgetSigns() {
        openDistributions.clear();
        stashes.clear();
        locks.clear();
        strays = 0;
        dependencyFinished = false;
    }

    /** An open distribution, a stash or a lock is held: the strong signs, not a stray entry or a finished dependency. */
    @Override
    public boolean operationInProgress() {
        return busy();
    }

    /** True while some sign of an unfinished operation is held; for tests and diagnostics. */
    public boolean holdsSigns() {
        return busy() || strays > 0 || dependencyFinished;
    }

    static boolean isDistInfo(String top) {
        return top.endsWith(".dist-info");
    }

    static boolean isStash(String top) {
        return !top.isEmpty() && top.charAt(0) == '~';
    }

    static boolean isLock(String top) {
        return top.startsWith("00LOCK");
    }
}
