package dev.ferry.sim.fs;

import dev.ferry.model.PipTiming;
import dev.ferry.trace.TraceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Writes the inotify events a real pip command produces, in the order pip 23 produces them
 * (see the recorded traces). For each distribution: an upgrade first moves the old version's
 * folders aside into {@code ~} stashes; then the {@code *.dist-info} folder and its metadata, the
 * package folder, its sub-folders and files (create, modify, close), the wheel's own
 * {@code RECORD}; then byte-compilation: per folder holding modules a {@code __pycache__}, per
 * {@code .py} file a {@code .pyc} written under a temporary name and renamed; then {@code INSTALLER}
 * and the final {@code RECORD} through a temporary name ({@code REQUESTED} between them for what the
 * user asked for); then the stash of the old version is deleted (pip commits each replacement right
 * after installing it). An uninstall stashes and deletes each distribution in turn.
 *
 * <p>Each gap between two events is drawn from the fitted distribution of its kind
 * ({@link PipTiming}: write, compile, remove, between distributions); a distribution's layout
 * (which files are modules, its sub-folders, its metadata files) is a function of its name, version
 * and file count, so the stash of an old version deletes what its install wrote. Events carry
 * inotifywait's flag names so the replay machinery applies them.
 */
public final class SyntheticPip {

    /**
     * One synthetic command: when it starts and exits, its observed events in time order, and how many file
     * events it made in all (those not observed are counted, not kept).
     */
    public record Command(long start, long exit, List<TraceLine.FileEvent> events, long fileEvents, long lastEvent) {
    }

    private enum Kind { WRITE, COMPILE, REMOVE }

    private static final List<String> CREATE_DIR = List.of("CREATE", "ISDIR");
    private static final List<String> CREATE = List.of("CREATE");
    private static final List<String> MODIFY = List.of("MODIFY");
    private static final List<String> CLOSE_WRITE = List.of("CLOSE_WRITE", "CLOSE");
    private static final List<String> ATTRIB = List.of("ATTRIB");
    private static final List<String> MOVED_FROM = List.of("MOVED_FROM");
    private static final List<String> MOVED_TO = List.of("MOVED_TO");
    private static final List<String> MOVED_FROM_DIR = List.of("MOVED_FROM", "ISDIR");
    private static final List<String> MOVED_TO_DIR = List.of("MOVED_TO", "ISDIR");
    private static final List<String> DELETE = List.of("DELETE");
    private static final List<String> DELETE_DIR = List.of("DELETE", "ISDIR");
    private static final List<String> DELETE_SELF = List.of("DELETE_SELF");
    private static final String PYCACHE = "__pycache__";

    private final PipTiming timing;
    private final RandomGenerator random;
    private final Observation observation;
    private final PipTiming.Sampler writeGap;
    private final PipTiming.Sampler compileGap;
    private final PipTiming.Sampler removeGap;
    private final List<TraceLine.FileEvent> events = new ArrayList<>();
    private long fileEvents;
    private long now;
    /** A gap between distributions to put before the next event instead of its own gap, or -1. */
    private long pendingGap = -1;

    private SyntheticPip(PipTiming timing, RandomGenerator random, long start, Observation observation) {
        this.timing = timing;
        this.random = random;
        this.now = start;
        this.observation = observation;
        UniformRandomProvider rng = random::nextLong;
        writeGap = timing.writeGap().sampler(rng);
        compileGap = timing.compileGap().sampler(rng);
        removeGap = timing.removeGap().sampler(rng);
    }

    /**
     * {@code pip install} of {@code requested} and the {@code dependencies} pip pulls in for them:
     * dependencies first, as pip orders them, and {@code REQUESTED} written only into what was asked
     * for. A distribution whose name is in {@code installed} (keyed by normalized name) is replaced,
     * as {@code --upgrade} or {@code --force-reinstall} does.
     *
     * @param observation which events to keep (the others are counted, their time passes all the same)
     */
    public static Command install(long start, List<Distribution> dependencies, List<Distribution> requested,
                                  Map<String, Distribution> installed, PipTiming timing, RandomGenerator random,
                                  Observation observation) {
        SyntheticPip pip = new SyntheticPip(timing, random, start, observation);
        pip.resolve();
        List<Distribution> all = new ArrayList<>(dependencies);
        all.addAll(requested);
        PipTiming.Sampler between = timing.distributionGap().sampler(random::nextLong);
        for (int i = 0; i < all.size(); i++) {
            Distribution dist = all.get(i);
            Distribution old = installed.get(dist.key());
            if (i > 0) {
                pip.pendingGap = between.nanos();
            }
            PipLayout oldLayout = old == null ? null : PipLayout.of(old, pip.timing.layout());
            if (old != null) {
                pip.stash(old);
            }
            pip.writeDistribution(dist, PipLayout.of(dist, pip.timing.layout()), i >= dependencies.size());
            if (old != null) {
                pip.deleteStash(old, oldLayout);
            }
        }
        return pip.finish(start);
    }

    /** {@code pip install} of requested distributions only, keeping every event. */
    public static Command install(long start, List<Distribution> requested, Map<String, Distribution> installed,
                                  PipTiming timing, RandomGenerator random) {
        return install(start, List.of(), requested, installed, timing, random, Observation.EVERYTHING);
    }

    /** {@code pip uninstall -y} of {@code installed} distributions, keeping every event. */
    public static Command uninstall(long start, List<Distribution> removed, PipTiming timing, RandomGenerator random) {
        return uninstall(start, removed, timing, random, Observation.EVERYTHING);
    }

    /** {@code pip uninstall -y} of {@code installed} distributions, one after the other as pip does. */
    public static Command uninstall(long start, List<Distribution> removed, PipTiming timing, RandomGenerator random,
                                    Observation observation) {
        SyntheticPip pip = new SyntheticPip(timing, random, start, observation);
        pip.resolve();
        PipTiming.Sampler between = timing.uninstallGap().sampler(random::nextLong);
        for (int i = 0; i < removed.size(); i++) {
            if (i > 0) {
                pip.pendingGap = between.nanos();
            }
            Distribution old = removed.get(i);
            pip.stash(old);
            pip.deleteStash(old, PipLayout.of(old, pip.timing.layout()));
        }
        return pip.finish(start);
    }

    private void resolve() {
        now += timing.resolve().sampler(random::nextLong).nanos();
    }

    private Command finish(long start) {
        long exit = now + timing.exit().sampler(random::nextLong).nanos();
        return new Command(start, exit, List.copyOf(events), fileEvents, now);
    }

    private void writeDistribution(Distribution dist, PipLayout layout, boolean requested) {
        String info = dist.distInfo();
        boolean infoSeen = observation.anyInside(info);
        top(Kind.WRITE, CREATE_DIR, info);
        for (String name : layout.metadata()) {
            writeFile(inside(info, infoSeen, name));
        }
        String pkg = layout.packageFolder();
        boolean pkgSeen = observation.anyInside(pkg);
        top(Kind.WRITE, CREATE_DIR, pkg);
        int folder = 0;
        for (int f = 0; f < layout.files(); f++) {
            int parent = layout.folderOf(f);
            if (parent != folder) {
                folder = parent;
                emit(Kind.WRITE, CREATE_DIR, inside(pkg, pkgSeen, PipLayout.subFolder(folder)));
            }
            writeFile(file(pkg, pkgSeen, layout, f));
        }
        writeFile(inside(info, infoSeen, "RECORD"));
        compile(pkg, pkgSeen, layout);
        writeThroughTemporary(info, infoSeen, "INSTALLER");
        if (requested) {
            String path = inside(info, infoSeen, "REQUESTED");
            emit(Kind.WRITE, CREATE, path);
            emit(Kind.WRITE, CLOSE_WRITE, path);
        }
        writeThroughTemporary(info, infoSeen, "RECORD");
    }

    /** Byte-compilation, folder by folder: each module's .pyc under a temporary name, then renamed. */
    private void compile(String pkg, boolean pkgSeen, PipLayout layout) {
        int cache = -1;
        for (int f = 0; f < layout.files(); f++) {
            if (!layout.isModule(f)) {
                continue;
            }
            int parent = layout.folderOf(f);
            if (parent != cache) {
                cache = parent;
                emit(Kind.WRITE, CREATE_DIR, cacheFolder(pkg, pkgSeen, parent));
            }
            long suffix = 140000000000000L + random.nextInt(1_000_000_000);
            String pyc = compiled(pkg, parent, f);
            String temporary = pyc == null ? null : pyc + "." + suffix;
            emit(Kind.COMPILE, CREATE, temporary);
            emit(Kind.WRITE, MODIFY, temporary);
            emit(Kind.WRITE, CLOSE_WRITE, temporary);
            emit(Kind.WRITE, MOVED_FROM, temporary);
            emit(Kind.WRITE, MOVED_TO, pyc);
        }
    }

    /** Moves the old version's folders aside, as pip does: probe the stash name, then rename into it. */
    private void stash(Distribution old) {
        for (String entry : List.of(old.distInfo(), old.packageFolder())) {
            String stash = Distribution.stash(entry);
            top(Kind.REMOVE, CREATE_DIR, stash);
            top(Kind.REMOVE, DELETE_DIR, stash);
            top(Kind.REMOVE, MOVED_FROM_DIR, entry);
            top(Kind.REMOVE, MOVED_TO_DIR, stash);
        }
    }

    /** Deletes the stash of an old version: every file it had (its byte-compiled files too), then each folder. */
    private void deleteStash(Distribution old, PipLayout layout) {
        String infoStash = Distribution.stash(old.distInfo());
        boolean infoSeen = observation.anyInside(infoStash);
        for (String name : layout.metadata()) {
            emit(Kind.REMOVE, DELETE, inside(infoStash, infoSeen, name));
        }
        for (String name : List.of("INSTALLER", "RECORD")) {
            emit(Kind.REMOVE, DELETE, inside(infoStash, infoSeen, name));
        }
        top(Kind.REMOVE, DELETE_SELF, infoStash);
        top(Kind.REMOVE, DELETE_DIR, infoStash);
        String pkgStash = Distribution.stash(old.packageFolder());
        boolean pkgSeen = observation.anyInside(pkgStash);
        for (int d = layout.folders() - 1; d >= 0; d--) {
            boolean modules = false;
            for (int f = 0; f < layout.files(); f++) {
                if (layout.folderOf(f) == d) {
                    emit(Kind.REMOVE, DELETE, file(pkgStash, pkgSeen, layout, f));
                    modules |= layout.isModule(f);
                }
            }
            if (modules) {
                for (int f = 0; f < layout.files(); f++) {
                    if (layout.isModule(f) && layout.folderOf(f) == d) {
                        emit(Kind.REMOVE, DELETE, compiled(pkgStash, d, f));
                    }
                }
                String cache = cacheFolder(pkgStash, pkgSeen, d);
                emit(Kind.REMOVE, DELETE_SELF, cache);
                emit(Kind.REMOVE, DELETE_DIR, cache);
            }
            String stashed = d == 0 ? (observation.topLevel() ? pkgStash : null)
                    : inside(pkgStash, pkgSeen, PipLayout.subFolder(d));
            emit(Kind.REMOVE, DELETE_SELF, stashed);
            emit(Kind.REMOVE, DELETE_DIR, stashed);
        }
    }

    /** A file's path, when its events are observed: written (create, modify..., close). */
    private void writeFile(String path) {
        emit(Kind.WRITE, CREATE, path);
        PipTiming.Layout shape = timing.layout();
        if (random.nextDouble() >= shape.emptyFileShare()) {
            emit(Kind.WRITE, MODIFY, path);
            // extra modify events: geometric with the fitted mean
            double p = 1 / (1 + shape.extraModifyMean());
            while (random.nextDouble() >= p) {
                emit(Kind.WRITE, MODIFY, path);
            }
        }
        emit(Kind.WRITE, CLOSE_WRITE, path);
    }

    /** {@code name} in the top-level folder {@code top} written under a temporary name, then renamed over it. */
    private void writeThroughTemporary(String top, boolean topSeen, String name) {
        long suffix = random.nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36);
        String temporary = inside(top, topSeen, topSeen ? name + Long.toString(suffix, 36) + ".tmp" : null);
        emit(Kind.WRITE, CREATE, temporary);
        emit(Kind.WRITE, MODIFY, temporary);
        emit(Kind.WRITE, CLOSE_WRITE, temporary);
        emit(Kind.WRITE, ATTRIB, temporary);
        emit(Kind.WRITE, MOVED_FROM, temporary);
        emit(Kind.WRITE, MOVED_TO, inside(top, topSeen, name));
    }

    /** {@code top/child} when events on it are observed, else null; nothing is built for what nothing sees. */
    private String inside(String top, boolean topSeen, String child) {
        return topSeen && observation.inside(top, child) ? top + "/" + child : null;
    }

    /** File {@code f} of {@code layout} under {@code top} (the package folder or its stash), when observed. */
    private String file(String top, boolean topSeen, PipLayout layout, int f) {
        int d = layout.folderOf(f);
        if (d == 0) {
            return topSeen ? inside(top, true, layout.fileName(f)) : null;
        }
        return observation.deeper() ? PipLayout.folder(top, d) + "/" + layout.fileName(f) : null;
    }

    /** The {@code __pycache__} of folder {@code d} under {@code top}, when observed. */
    private String cacheFolder(String top, boolean topSeen, int d) {
        if (d == 0) {
            return inside(top, topSeen, PYCACHE);
        }
        return observation.deeper() ? PipLayout.folder(top, d) + "/" + PYCACHE : null;
    }

    /** Module {@code f}'s byte-compiled file in folder {@code d} under {@code top}, when observed (never by a tracker). */
    private String compiled(String top, int d, int f) {
        return observation.deeper() ? PipLayout.folder(top, d) + "/" + PYCACHE + "/" + PipLayout.compiledName(f) : null;
    }

    private void top(Kind kind, List<String> flags, String name) {
        emit(kind, flags, observation.topLevel() ? name : null);
    }

    /** One event: its gap passes and it is counted; it is kept when observed ({@code path} not null). */
    private void emit(Kind kind, List<String> flags, String path) {
        if (pendingGap >= 0) {
            now += pendingGap;
            pendingGap = -1;
        } else if (fileEvents > 0) {
            now += switch (kind) {
                case WRITE -> writeGap.nanos();
                case COMPILE -> compileGap.nanos();
                case REMOVE -> removeGap.nanos();
            };
        }
        fileEvents++;
        if (path != null) {
            events.add(new TraceLine.FileEvent(now, 0, flags, path));
        }
    }
}
