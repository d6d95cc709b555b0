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

    public static PackageDiff between(PackageSet baseline, PackageSet current) {
        TreeMap<String, String> added = new TreeMap<>();
        TreeMap<String, String> removed = new TreeMap<>();
        TreeMap<String, Change> changed = new TreeMap<>();
        current.forEach((name, version) -> {
            String before = baseline.version(name);
            if (before == null) {
                added.put(name, version);
            } else if (!before.equals(version)) {
                changed.put(name, new Change(before, version));
            }
        });
        baseline.forEach((name, version) -> {
            if (!current.contains(name)) {
                removed.put(name, version);
            }
        });
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
