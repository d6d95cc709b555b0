package dev.ferry.sim.fs;

import dev.ferry.model.PipTiming;
import dev.ferry.sim.trace.TraceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Writes the inotify events a real pip command produces, in the order pip 23 produces them
 * (see the recorded traces): for each distribution the {@code *.dist-info} folder and its metadata,
 * the package folder and its files, the wheel's own {@code RECORD}, byte-compiled files renamed
 * into {@code __pycache__}, then {@code INSTALLER} and the final {@code RECORD} through a temporary
 * name ({@code REQUESTED} between them for what the user asked for). An upgrade or uninstall first
 * moves the old folders aside into {@code ~} stashes and deletes them at the end. Events carry inotifywait's flag names so the replay machinery applies them.
 */
public final class SyntheticPip {

    /**
     * One synthetic command: when it starts and exits, its events in time order, and how many file
     * events it made in all (when only visible events are kept, the others are counted, not kept).
     */
    public record Command(long start, long exit, List<TraceLine.FileEvent> events, long fileEvents, long lastEvent) {
    }

    private final PipTiming timing;
    private final RandomGenerator random;
    private final boolean keepAll;
    private final List<TraceLine.FileEvent> events = new ArrayList<>();
    private long fileEvents;
    private long now;

    private SyntheticPip(PipTiming timing, RandomGenerator random, long start, boolean keepAll) {
        this.timing = timing;
        this.random = random;
        this.now = start;
        this.keepAll = keepAll;
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
        List<Distribution> replaced = new ArrayList<>();
        List<Distribution> all = new ArrayList<>(dependencies);
        all.addAll(requested);
        for (int i = 0; i < all.size(); i++) {
            Distribution dist = all.get(i);
            Distribution old = installed.get(dist.key());
            if (i > 0) {
                pip.gap(timing.distributionGapMax());
            }
            if (old != null) {
                pip.stash(old);
                replaced.add(old);
            }
            pip.writeDistribution(dist, i >= dependencies.size());
        }
        for (Distribution old : replaced) {
            pip.deleteStash(old);
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
        for (int i = 0; i < removed.size(); i++) {
            if (i > 0) {
                pip.gap(timing.distributionGapMax() * 2);
            }
            pip.stash(removed.get(i));
            pip.deleteStash(removed.get(i));
        }
        return pip.finish(start);
    }

    private void resolve() {
        now += uniform(timing.resolveMin(), timing.resolveMax());
    }

    private Command finish(long start) {
        long exit = now + uniform(timing.exitMin(), timing.exitMax());
        return new Command(start, exit, List.copyOf(events), fileEvents, now);
    }

    private void writeDistribution(Distribution dist, boolean requested) {
        String info = dist.distInfo();
        String pkg = dist.packageFolder();
        emit("CREATE,ISDIR", info);
        writeFile(info + "/METADATA");
        writeFile(info + "/WHEEL");
        emit("CREATE,ISDIR", pkg);
        for (int f = 0; f < dist.files(); f++) {
            writeFile(pkg + "/module" + f + ".py");
        }
        writeFile(info + "/RECORD");
        emit("CREATE,ISDIR", pkg + "/__pycache__");
        for (int f = 0; f < dist.files(); f++) {
            now += exponential(timing.compileGapMean());
            String pyc = pkg + "/__pycache__/module" + f + ".cpython-311.pyc";
            emit("MOVED_FROM", pyc + "." + (140000000000000L + random.nextInt(1_000_000)));
            emit("MOVED_TO", pyc);
        }
        writeThroughTemporary(info + "/INSTALLER");
        if (requested) {
            emit("CREATE", info + "/REQUESTED");
            emit("CLOSE_WRITE,CLOSE", info + "/REQUESTED");
        }
        writeThroughTemporary(info + "/RECORD");
    }

    private void stash(Distribution old) {
        for (String entry : List.of(old.distInfo(), old.packageFolder())) {
            String stash = Distribution.stash(entry);
            emit("CREATE,ISDIR", stash);
            emit("DELETE,ISDIR", stash);
            emit("MOVED_FROM,ISDIR", entry);
            emit("MOVED_TO,ISDIR", stash);
        }
    }

    private void deleteStash(Distribution old) {
        String infoStash = Distribution.stash(old.distInfo());
        String pkgStash = Distribution.stash(old.packageFolder());
        for (String file : List.of("METADATA", "WHEEL", "INSTALLER", "RECORD")) {
            emit("DELETE", infoStash + "/" + file);
        }
        emit("DELETE_SELF", infoStash);
        emit("DELETE,ISDIR", infoStash);
        for (int f = 0; f < old.files(); f++) {
            emit("DELETE", pkgStash + "/module" + f + ".py");
        }
        emit("DELETE_SELF", pkgStash);
        emit("DELETE,ISDIR", pkgStash);
    }

    private void writeFile(String path) {
        emit("CREATE", path);
        emit("MODIFY", path);
        emit("CLOSE_WRITE,CLOSE", path);
    }

    private void writeThroughTemporary(String path) {
        String temporary = path + Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36) + ".tmp";
        writeFile(temporary);
        emit("ATTRIB", temporary);
        emit("MOVED_FROM", temporary);
        emit("MOVED_TO", path);
    }

    private void emit(String flags, String path) {
        now += exponential(timing.fileGapMean() / 3);
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

    private void gap(long max) {
        now += uniform(max / 20, max);
    }

    private long uniform(long min, long max) {
        return max <= min ? min : min + random.nextLong(max - min + 1);
    }

    private long exponential(long mean) {
        return mean <= 0 ? 0 : (long) (-mean * Math.log(1 - random.nextDouble()));
    }
}
