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

    /** What {@link #walk} meets, in name order: each package added, removed or changed in version. */
    public interface Steps {
        void added(String name, String version);

        void removed(String name, String version);

        void changed(String name, String from, String to);
    }

    /** The difference of {@code current} from {@code baseline} as maps ({@link #walk} fills them). */
    public static PackageDiff between(PackageSet baseline, PackageSet current) {
        TreeMap<String, String> added = new TreeMap<>();
        TreeMap<String, String> removed = new TreeMap<>();
        TreeMap<String, Change> changed = new TreeMap<>();
        walk(baseline, current, new Steps() {
            @Override
            public void added(String name, String version) {
                added.put(name, version);
            }

            @Override
            public void removed(String name, String version) {
                removed.put(name, version);
            }

            @Override
            public void changed(String name, String from, String to) {
                changed.put(name, new Change(from, to));
            }
        });
        return new PackageDiff(added, removed, changed);
    }

    /**
     * Walks both sets side by side in name order (each is sorted), one comparison per step, instead of looking
     * every name up in the other set, and tells {@code steps} each difference: every checkpoint a tracker encodes
     * walks its environments' sets, and needs no map of the differences to write them.
     */
    public static void walk(PackageSet baseline, PackageSet current, Steps steps) {
        int b = 0;
        int c = 0;
        while (b < baseline.size() || c < current.size()) {
            int order = b == baseline.size() ? 1 : c == current.size() ? -1
                    : baseline.nameAt(b).compareTo(current.nameAt(c));
            if (order < 0) {
                steps.removed(baseline.nameAt(b), baseline.versionAt(b));
                b++;
            } else if (order > 0) {
                steps.added(current.nameAt(c), current.versionAt(c));
                c++;
            } else {
                String before = baseline.versionAt(b);
                String version = current.versionAt(c);
                if (!before.equals(version)) {
                    steps.changed(current.nameAt(c), before, version);
                }
                b++;
                c++;
            }
        }
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
