package dev.ferry.sim.session;

import dev.ferry.sim.fs.Distribution;
import dev.ferry.trace.TraceLine;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A package command in flight: its visible events, the text of files the scanner reads, when it
 * exits, what the user's set is before and after it, and the packages it changes ({@code touched}: where before
 * and after differ, worked out once, as a session asks for it whenever commands overlap, finish or stop).
 */
record Operation(long start, long exit, long lastEvent, List<TraceLine.FileEvent> events, Map<String, String> contents,
                 long fileEvents, Map<String, Distribution> before, Map<String, Distribution> after, int epoch,
                 Set<String> touched) {

    Operation(long start, long exit, long lastEvent, List<TraceLine.FileEvent> events, Map<String, String> contents,
              long fileEvents, Map<String, Distribution> before, Map<String, Distribution> after, int epoch) {
        this(start, exit, lastEvent, events, contents, fileEvents, before, after, epoch, touched(before, after));
    }

    /** The packages where {@code before} and {@code after} differ; iterated in the order they are found. */
    private static Set<String> touched(Map<String, Distribution> before, Map<String, Distribution> after) {
        Set<String> keys = new HashSet<>();
        before.forEach((key, dist) -> {
            if (!dist.equals(after.get(key))) {
                keys.add(key);
            }
        });
        after.forEach((key, dist) -> {
            if (!dist.equals(before.get(key))) {
                keys.add(key);
            }
        });
        return Collections.unmodifiableSet(keys);
    }
}
