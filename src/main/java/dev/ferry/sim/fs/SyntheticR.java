package dev.ferry.sim.fs;

import dev.ferry.trace.TraceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The file events of R's {@code install.packages} and {@code remove.packages} in a library: a
 * staged install builds the package inside {@code 00LOCK-pkg}, moves the old version aside into
 * the lock, renames the new folder into the library and deletes the lock. Only the events the
 * tracker's watcher sees (the top level) are kept; the others are counted.
 */
public final class SyntheticR {

    /** A synthetic R command: its visible events, the text of files the scanner reads, and the count of all events. */
    public record Script(long start, long exit, List<TraceLine.FileEvent> events, Map<String, String> contents,
                         long fileEvents, long lastEvent) {
    }

    private SyntheticR() {
    }

    /** Installs (or replaces) {@code name} at {@code version}, building {@code files} files over {@code buildNanos}. */
    public static Script install(long start, String name, String version, int files, boolean replacing,
                                 long resolveNanos, long buildNanos, long exitNanos, RandomGenerator random) {
        List<TraceLine.FileEvent> events = new ArrayList<>();
        long t = start + resolveNanos;
        String lock = "00LOCK-" + name;
        events.add(event(t, "CREATE,ISDIR", lock));
        long count = 1;
        if (replacing) {
            t += 1_000_000;
            events.add(event(t, "MOVED_FROM,ISDIR", name));
            count += 2;
        }
        t += buildNanos;
        count += 3L * files;
        events.add(event(t, "MOVED_TO,ISDIR", name));
        t += 200_000 + random.nextInt(800_000);
        events.add(event(t, "DELETE,ISDIR", lock));
        count += 3 + (replacing ? files : 0);
        String description = "Package: " + name + "\nVersion: " + version + "\nBuilt: R 4.4.1; ; 2026-11-28; unix\n";
        return new Script(start, t + exitNanos, List.copyOf(events), Map.of(name + "/DESCRIPTION", description), count, t);
    }

    /** Removes {@code name} (its {@code files} files, then its folder). */
    public static Script remove(long start, String name, int files, long resolveNanos, long exitNanos) {
        long t = start + resolveNanos + files * 20_000L;
        List<TraceLine.FileEvent> events = List.of(event(t, "DELETE,ISDIR", name));
        return new Script(start, t + exitNanos, events, Map.of(), files + 1L, t);
    }

    private static TraceLine.FileEvent event(long t, String flags, String path) {
        return new TraceLine.FileEvent(t, 0, List.of(flags.split(",")), path);
    }
}
