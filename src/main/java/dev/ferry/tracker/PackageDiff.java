package dev.ferry.tracker;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a user changed relative to a baseline: packages added, removed, and changed in version.
 * {@link #applyTo(PackageSet)} replays the change onto any set, which is how a checkpoint taken on
 * one image is restored onto a newer one.
 */
public record PackageDiff(SortedMap<String, String> added,
                          SortedMap<String, String> removed,
                          SortedMap<String, Change> changed) {

    /** A version change of one package. */
    public record Change(String from, String to) {
    }

    /**
     * Walks both sets side by side in name order (each is sorted), one comparison per step, instead of looking
     * every name up in the other set: every checkpoint a tracker encodes or uploads computes its diff.
     */
    public static PackageDiff between(PackageSet baseline, PackageSet current) {
        TreeMap<String, String> added = new TreeMap<>();
        TreeMap<String, String> removed = new TreeMap<>();
        TreeMap<String, Change> changed = new TreeMap<>();
        int b = 0;
        int c = 0;
        while (b < baseline.size() || c < current.size()) {
            int order = b == baseline.size() ? 1 : c == current.size() ? -1
                    : baseline.nameAt(b).compareTo(current.nameAt(c));
            if (order < 0) {
                removed.put(baseline.nameAt(b), baseline.versionAt(b));
                b++;
            } else if (order > 0) {
                added.put(current.nameAt(c), current.versionAt(c));
                c++;
            } else {
                String before = baseline.versionAt(b);
                String version = current.versionAt(c);
                if (!before.equals(version)) {
                    changed.put(current.nameAt(c), new Change(before, version));
                }
                b++;
                c++;
            }
        }
        return new PackageDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The set that results from making this change to {@code base}. */
    public PackageSet applyTo(PackageSet base) {
        TreeMap<String, String> result = new TreeMap<>(base.asMap());
        removed.keySet().forEach(result::remove);
        result.putAll(added);
        changed.forEach((name, change) -> result.put(name, change.to()));
        return PackageSet.of(result);
    }

    /** Packages this change wants installed at a pinned version: added and changed. */
    public SortedMap<String, String> pins() {
        TreeMap<String, String> pins = new TreeMap<>(added);
        changed.forEach((name, change) -> pins.put(name, change.to()));
        return pins;
    }

    /** A short human summary such as "2 added, 1 removed, 1 changed". */
    public String summary() {
        return added.size() + " added, " + removed.size() + " removed, " + changed.size() + " changed";
    }
}
