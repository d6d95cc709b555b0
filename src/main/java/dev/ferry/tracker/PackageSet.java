package dev.ferry.tracker;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable set of installed packages: name to version, sorted by name. Python names are
 * normalized as PEP 503 does; R names are kept as R spells them (R compares them case-sensitively).
 * Equality is by content, so two scans of the same environment compare equal.
 *
 * <p>Held as two sorted arrays (names, and the versions at the same index): a tracker builds one per scan and
 * compares it with the last, so building and comparing cost a pass over the names rather than a tree of map
 * entries. {@link #asMap()} makes the sorted map view when first asked for.
 */
public final class PackageSet {

    private static final String[] NONE = new String[0];

    public static final PackageSet EMPTY = new PackageSet(NONE, NONE);

    private final String[] names;
    private final String[] versions;
    /** The map's hash (as {@link Map#hashCode()} defines it), computed when first asked for; 0 until then. */
    private int hash;
    private volatile SortedMap<String, String> map;

    private PackageSet(String[] names, String[] versions) {
        this.names = names;
        this.versions = versions;
    }

    /** Copies {@code versions} as they are (names already in their canonical form). */
    public static PackageSet of(Map<String, String> versions) {
        if (versions instanceof SortedMap<String, String> sorted && sorted.comparator() == null) {
            String[] names = new String[sorted.size()];
            String[] values = new String[names.length];
            int i = 0;
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                names[i] = e.getKey();
                values[i] = e.getValue();
                i++;
            }
            return new PackageSet(names, values);
        }
        Builder builder = new Builder(versions.size());
        versions.forEach(builder::put);
        return builder.build();
    }

    /** Copies {@code versions}, normalizing every name as PEP 503 does (Python names as pip prints them). */
    public static PackageSet normalized(Map<String, String> versions) {
        Builder builder = new Builder(versions.size());
        versions.forEach((name, version) -> builder.put(PackageName.normalize(name), version));
        return builder.build();
    }

    /** A set built name by name, as a sorted map is: a name put again keeps the version put last. */
    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    /**
     * Collects names and versions in any order. Names put in ascending order (what listing a sorted folder gives)
     * cost one comparison each; otherwise {@link #build()} sorts them once.
     */
    public static final class Builder {
        private String[] names;
        private String[] versions;
        private int size;
        private boolean ascending = true;

        private Builder(int expectedSize) {
            names = new String[Math.max(4, expectedSize)];
            versions = new String[names.length];
        }

        /** Adds {@code name} at {@code version}; a name already put takes the new version. */
        public Builder put(String name, String version) {
            Objects.requireNonNull(name, "name");
            if (size > 0 && ascending) {
                int order = names[size - 1].compareTo(name);
                if (order == 0) {
                    versions[size - 1] = version;
                    return this;
                }
                ascending = order < 0;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                versions = Arrays.copyOf(versions, size * 2);
            }
            names[size] = name;
            versions[size] = version;
            size++;
            return this;
        }

        public PackageSet build() {
            if (size == 0) {
                return EMPTY;
            }
            if (ascending) {
                return new PackageSet(Arrays.copyOf(names, size), Arrays.copyOf(versions, size));
            }
            // a stable sort by name keeps the order of a name's puts: the last of each run of equal names wins
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            String[] keys = names;
            Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
            String[] sortedNames = new String[size];
            String[] sortedVersions = new String[size];
            int n = 0;
            for (int k = 0; k < size; k++) {
                int i = order[k];
                if (n > 0 && sortedNames[n - 1].equals(names[i])) {
                    sortedVersions[n - 1] = versions[i];
                } else {
                    sortedNames[n] = names[i];
                    sortedVersions[n] = versions[i];
                    n++;
                }
            }
            return new PackageSet(n == size ? sortedNames : Arrays.copyOf(sortedNames, n),
                    n == size ? sortedVersions : Arrays.copyOf(sortedVersions, n));
        }
    }

    /** The set as a sorted, unmodifiable map (made when first asked for). */
    public SortedMap<String, String> asMap() {
        SortedMap<String, String> view = map;
        if (view == null) {
            TreeMap<String, String> tree = new TreeMap<>();
            for (int i = 0; i < names.length; i++) {
                tree.put(names[i], versions[i]);
            }
            view = Collections.unmodifiableSortedMap(tree);
            map = view;
        }
        return view;
    }

    /** Each name and its version, in name order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], versions[i]);
        }
    }

    /** The {@code i}th name in name order, for a walk over two sets side by side. */
    String nameAt(int i) {
        return names[i];
    }

    /** The version of the {@code i}th name in name order. */
    String versionAt(int i) {
        return versions[i];
    }

    public String version(String normalizedName) {
        int i = Arrays.binarySearch(names, Objects.requireNonNull(normalizedName));
        return i >= 0 ? versions[i] : null;
    }

    public boolean contains(String normalizedName) {
        return Arrays.binarySearch(names, Objects.requireNonNull(normalizedName)) >= 0;
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    /** Sorted {@code name==version} lines, the form pip's requirement files use. */
    public String toRequirementLines() {
        StringBuilder out = new StringBuilder();
        forEach((name, version) -> out.append(name).append("==").append(version).append('\n'));
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof PackageSet that && Arrays.equals(names, that.names)
                && Arrays.equals(versions, that.versions);
    }

    /** The hash of the same map: the sum over names of name's hash xor version's hash. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            for (int i = 0; i < names.length; i++) {
                h += names[i].hashCode() ^ Objects.hashCode(versions[i]);
            }
            hash = h;
        }
        return h;
    }

    /** As a map prints: {@code {name=version, ...}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(names[i]).append('=').append(versions[i]);
        }
        return out.append('}').toString();
    }
}
