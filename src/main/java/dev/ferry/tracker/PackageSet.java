package dev.ferry.tracker;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of installed packages: name to version, sorted by name. Python names are
 * normalized as PEP 503 does; R names are kept as R spells them (R compares them case-sensitively).
 * Equality is by content, so two scans of the same environment compare equal.
 */
public final class PackageSet {

    public static final PackageSet EMPTY = new PackageSet(new TreeMap<>());

    private final SortedMap<String, String> versions;

    private PackageSet(SortedMap<String, String> versions) {
        this.versions = Collections.unmodifiableSortedMap(versions);
    }

    /** Copies {@code versions} as they are (names already in their canonical form). */
    public static PackageSet of(Map<String, String> versions) {
        return new PackageSet(new TreeMap<>(versions));
    }

    /** Copies {@code versions}, normalizing every name as PEP 503 does (Python names as pip prints them). */
    public static PackageSet normalized(Map<String, String> versions) {
        TreeMap<String, String> copy = new TreeMap<>();
        versions.forEach((name, version) -> copy.put(PackageName.normalize(name), version));
        return new PackageSet(copy);
    }

    public SortedMap<String, String> asMap() {
        return versions;
    }

    public String version(String normalizedName) {
        return versions.get(normalizedName);
    }

    public boolean contains(String normalizedName) {
        return versions.containsKey(normalizedName);
    }

    public int size() {
        return versions.size();
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    /** Sorted {@code name==version} lines, the form pip's requirement files use. */
    public String toRequirementLines() {
        StringBuilder out = new StringBuilder();
        versions.forEach((name, version) -> out.append(name).append("==").append(version).append('\n'));
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackageSet that && versions.equals(that.versions);
    }

    @Override
    public int hashCode() {
        return versions.hashCode();
    }

    @Override
    public String toString() {
        return versions.toString();
    }
}
