package dev.ferry.fit;

import dev.ferry.trace.TraceLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes the events of one pip command (run alone) to the distributions it installed or removed.
 * pip handles one distribution after the other, so the command's events fall into segments: an install's
 * segment ends with the distribution's final {@code RECORD} (renamed into place), an uninstall's with the
 * deletion of its {@code ~} stash of the {@code *.dist-info}. Every top-level entry (a dist-info, a package
 * folder, a module, a stash) belongs to the segment in which it first appears, and every event to its
 * entry's owner. So a module written before its dist-info, the old version moved into a stash before the
 * new one is written, and the stash deleted after the new {@code RECORD} (pip commits each replacement
 * right after it), all go to the distribution they belong to.
 */
public final class Attribution {

    private final List<DistributionBurst> bursts;
    private final int[] owner;

    private Attribution(List<DistributionBurst> bursts, int[] owner) {
        this.bursts = bursts;
        this.owner = owner;
    }

    /** The distributions, in the order pip handled them. */
    public List<DistributionBurst> bursts() {
        return bursts;
    }

    /** The index in {@link #bursts()} of the distribution the {@code i}-th event belongs to. */
    public int owner(int i) {
        return owner[i];
    }

    /** Attributes {@code events} of one install (also upgrade, reinstall) or one uninstall command. */
    public static Attribution of(boolean uninstall, List<TraceLine.FileEvent> events) {
        int n = events.size();
        int[] segmentAt = new int[n];
        int segments = 0;
        List<String> closers = new ArrayList<>();
        Set<String> populated = new HashSet<>();
        Map<String, String> origin = new HashMap<>();
        String movedFrom = null;
        for (int i = 0; i < n; i++) {
            TraceLine.FileEvent e = events.get(i);
            segmentAt[i] = segments;
            String path = e.path();
            boolean topLevel = path.indexOf('/') < 0;
            if (topLevel && e.has("MOVED_FROM")) {
                movedFrom = path;
            } else if (topLevel && e.has("MOVED_TO") && isStash(path) && movedFrom != null) {
                origin.put(path, movedFrom);
                movedFrom = null;
            }
            if (!uninstall && isFinalRecord(e)) {
                segments++;
                closers.add(top(path));
            } else if (uninstall && topLevel && isStash(path) && path.endsWith(".dist-info")) {
                if (e.has("MOVED_TO")) {
                    populated.add(path);
                } else if (e.has("DELETE") && e.isDirectory() && populated.remove(path)) {
                    segments++;
                    closers.add(path);
                }
            }
        }
        if (segments == 0) {
            return new Attribution(List.of(), new int[n]);
        }
        int[] owner = new int[n];
        Map<String, Integer> firstSeen = new HashMap<>();
        List<List<TraceLine.FileEvent>> perSegment = new ArrayList<>();
        String[] removed = new String[segments];
        boolean[] requested = new boolean[segments];
        for (int s = 0; s < segments; s++) {
            perSegment.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            TraceLine.FileEvent e = events.get(i);
            String top = top(e.path());
            Integer o = firstSeen.get(top);
            if (o == null) {
                o = Math.min(segmentAt[i], segments - 1);
                firstSeen.put(top, o);
            }
            owner[i] = o;
            perSegment.get(o).add(e);
            if (removed[o] == null && isStash(top) && top.endsWith(".dist-info") && origin.containsKey(top)) {
                removed[o] = origin.get(top);
            }
            if (!uninstall && e.has("CREATE") && e.path().equals(closers.get(o) + "/REQUESTED")) {
                requested[o] = true;
            }
            if (e.path().indexOf('/') < 0 && e.has("DELETE")) {
                firstSeen.remove(top);
            }
        }
        List<DistributionBurst> bursts = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            String installed = uninstall ? null : closers.get(s);
            String old = uninstall ? origin.getOrDefault(closers.get(s), removed[s]) : removed[s];
            bursts.add(new DistributionBurst(installed, old, requested[s], perSegment.get(s)));
        }
        return new Attribution(List.copyOf(bursts), owner);
    }

    static String top(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    static boolean isStash(String top) {
        return top.startsWith("~");
    }

    /** The final {@code RECORD} renamed into a {@code *.dist-info}: the distribution is complete. */
    static boolean isFinalRecord(TraceLine.FileEvent e) {
        String path = e.path();
        int slash = path.indexOf('/');
        return e.has("MOVED_TO") && slash > 0 && path.substring(0, slash).endsWith(".dist-info")
                && path.substring(slash + 1).equals("RECORD");
    }
}
