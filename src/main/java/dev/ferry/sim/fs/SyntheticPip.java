package dev.ferry.sim.fs;

import dev.ferry.model.PipTiming;
import dev.ferry.trace.TraceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
     * One synthetic command: when it starts and exits, its events in time order, and how many file
     * events it made in all (when only visible events are kept, the others are counted, not kept).
     */
    public record Command(long start, long exit, List<TraceLine.FileEvent> events, long fileEvents, long lastEvent) {
    }

    private enum Kind { WRITE, COMPILE, REMOVE }

    private final PipTiming timing;
    private final RandomGenerator random;
    private final boolean keepAll;
    private final PipTiming.Sampler writeGap;
    private final PipTiming.Sampler compileGap;
    private final PipTiming.Sampler removeGap;
    private final List<TraceLine.FileEvent> events = new ArrayList<>();
    private long fileEvents;
    private long now;
    /** A gap between distributions to put before the next event instead of its own gap, or -1. */
    private long pendingGap = -1;

    private SyntheticPip(PipTiming timing, RandomGenerator random, long start, boolean keepAll) {
        this.timing = timing;
        this.random = random;
        this.now = start;
        this.keepAll = keepAll;
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
     * @param keepAll keep every file event; otherwise keep only those the tracker's watcher sees
     *                (the top level and inside {@code *.dist-info}) and count the rest
     */
    public static Command install(long start, List<Distribution> dependencies, List<Distribution> requested,
                                  Map<String, Distribution> installed, PipTiming timing, RandomGenerator random,
                                  boolean keepAll) {
        SyntheticPip pip = new SyntheticPip(timing, random, start, keepAll);
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
        return install(start, List.of(), requested, installed, timing, random, true);
    }

    /** {@code pip uninstall -y} of {@code installed} distributions, keeping every event. */
    public static Command uninstall(long start, List<Distribution> removed, PipTiming timing, RandomGenerator random) {
        return uninstall(start, removed, timing, random, true);
    }

    /** {@code pip uninstall -y} of {@code installed} distributions, one after the other as pip does. */
    public static Command uninstall(long start, List<Distribution> removed, PipTiming timing, RandomGenerator random,
                                    boolean keepAll) {
        SyntheticPip pip = new SyntheticPip(timing, random, start, keepAll);
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
        emit(Kind.WRITE, "CREATE,ISDIR", info);
        for (String name : layout.metadata()) {
            writeFile(info + "/" + name);
        }
        emit(Kind.WRITE, "CREATE,ISDIR", layout.folders().get(0));
        String folder = layout.folders().get(0);
        for (String file : layout.files()) {
            String parent = parent(file);
            if (!parent.equals(folder)) {
                folder = parent;
                emit(Kind.WRITE, "CREATE,ISDIR", folder);
            }
            writeFile(file);
        }
        writeFile(info + "/RECORD");
        compile(layout);
        writeThroughTemporary(info + "/INSTALLER");
        if (requested) {
            emit(Kind.WRITE, "CREATE", info + "/REQUESTED");
            emit(Kind.WRITE, "CLOSE_WRITE,CLOSE", info + "/REQUESTED");
        }
        writeThroughTemporary(info + "/RECORD");
    }

    /** Byte-compilation, folder by folder: each module's .pyc under a temporary name, then renamed. */
    private void compile(PipLayout layout) {
        String cache = null;
        for (String file : layout.files()) {
            if (!file.endsWith(".py")) {
                continue;
            }
            String parent = parent(file);
            if (!(parent + "/__pycache__").equals(cache)) {
                cache = parent + "/__pycache__";
                emit(Kind.WRITE, "CREATE,ISDIR", cache);
            }
            String pyc = pyc(file);
            String temporary = pyc + "." + (140000000000000L + random.nextInt(1_000_000_000));
            emit(Kind.COMPILE, "CREATE", temporary);
            emit(Kind.WRITE, "MODIFY", temporary);
            emit(Kind.WRITE, "CLOSE_WRITE,CLOSE", temporary);
            emit(Kind.WRITE, "MOVED_FROM", temporary);
            emit(Kind.WRITE, "MOVED_TO", pyc);
        }
    }

    /** Moves the old version's folders aside, as pip does: probe the stash name, then rename into it. */
    private void stash(Distribution old) {
        for (String entry : List.of(old.distInfo(), old.packageFolder())) {
            String stash = Distribution.stash(entry);
            emit(Kind.REMOVE, "CREATE,ISDIR", stash);
            emit(Kind.REMOVE, "DELETE,ISDIR", stash);
            emit(Kind.REMOVE, "MOVED_FROM,ISDIR", entry);
            emit(Kind.REMOVE, "MOVED_TO,ISDIR", stash);
        }
    }

    /** Deletes the stash of an old version: every file it had (its byte-compiled files too), then each folder. */
    private void deleteStash(Distribution old, PipLayout layout) {
        String infoStash = Distribution.stash(old.distInfo());
        for (String name : layout.metadata()) {
            emit(Kind.REMOVE, "DELETE", infoStash + "/" + name);
        }
        for (String name : List.of("INSTALLER", "RECORD")) {
            emit(Kind.REMOVE, "DELETE", infoStash + "/" + name);
        }
        emit(Kind.REMOVE, "DELETE_SELF", infoStash);
        emit(Kind.REMOVE, "DELETE,ISDIR", infoStash);
        String pkg = old.packageFolder();
        String pkgStash = Distribution.stash(pkg);
        for (int d = layout.folders().size() - 1; d >= 0; d--) {
            String folder = layout.folders().get(d);
            String stashed = pkgStash + folder.substring(pkg.length());
            boolean modules = false;
            for (String file : layout.files()) {
                if (parent(file).equals(folder)) {
                    emit(Kind.REMOVE, "DELETE", pkgStash + file.substring(pkg.length()));
                    modules |= file.endsWith(".py");
                }
            }
            if (modules) {
                for (String file : layout.files()) {
                    if (file.endsWith(".py") && parent(file).equals(folder)) {
                        emit(Kind.REMOVE, "DELETE", pkgStash + pyc(file).substring(pkg.length()));
                    }
                }
                emit(Kind.REMOVE, "DELETE_SELF", stashed + "/__pycache__");
                emit(Kind.REMOVE, "DELETE,ISDIR", stashed + "/__pycache__");
            }
            emit(Kind.REMOVE, "DELETE_SELF", stashed);
            emit(Kind.REMOVE, "DELETE,ISDIR", stashed);
        }
    }

    private void writeFile(String path) {
        emit(Kind.WRITE, "CREATE", path);
        PipTiming.Layout shape = timing.layout();
        if (random.nextDouble() >= shape.emptyFileShare()) {
            emit(Kind.WRITE, "MODIFY", path);
            // extra modify events: geometric with the fitted mean
            double p = 1 / (1 + shape.extraModifyMean());
            while (random.nextDouble() >= p) {
                emit(Kind.WRITE, "MODIFY", path);
            }
        }
        emit(Kind.WRITE, "CLOSE_WRITE,CLOSE", path);
    }

    private void writeThroughTemporary(String path) {
        String temporary = path + Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36) + ".tmp";
        emit(Kind.WRITE, "CREATE", temporary);
        emit(Kind.WRITE, "MODIFY", temporary);
        emit(Kind.WRITE, "CLOSE_WRITE,CLOSE", temporary);
        emit(Kind.WRITE, "ATTRIB", temporary);
        emit(Kind.WRITE, "MOVED_FROM", temporary);
        emit(Kind.WRITE, "MOVED_TO", path);
    }

    private void emit(Kind kind, String flags, String path) {
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
        if (keepAll || visible(path)) {
            events.add(new TraceLine.FileEvent(now, 0, List.of(flags.split(",")), path));
        }
    }

    /** Whether the tracker's watcher sees events on {@code path}: the top level, and directly inside a dist-info. */
    private static boolean visible(String path) {
        int slash = path.indexOf('/');
        return slash < 0 || path.indexOf('/', slash + 1) < 0 && path.substring(0, slash).endsWith(".dist-info");
    }

    private static String parent(String file) {
        return file.substring(0, file.lastIndexOf('/'));
    }

    private static String pyc(String module) {
        int slash = module.lastIndexOf('/');
        return module.substring(0, slash) + "/__pycache__/" + module.substring(slash + 1, module.length() - 3)
                + ".cpython-311.pyc";
    }
}
