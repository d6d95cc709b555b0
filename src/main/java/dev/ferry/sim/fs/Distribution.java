package dev.ferry.sim.fs;

import dev.ferry.model.PipTiming;
import dev.ferry.tracker.PackageName;
import java.util.Map;
import java.util.Objects;

/**
 * A distribution as pip lays it out: a {@code name-version.dist-info} folder and one package
 * folder holding {@code files} modules. A value (equal by name, version and files); the names
 * derived from it are made once, so that the image's distributions, shared by every session,
 * share their folder names in every session's simulated environment too.
 */
public final class Distribution {

    /** Files of a distribution the user never had in a session: an image distribution's size. */
    static final int DEFAULT_FILES = 10;

    private final String name;
    private final String version;
    private final int files;
    private final String key;
    private final String distInfo;
    private final String packageFolder;
    /** An R package's DESCRIPTION, made when first asked for. */
    private String description;
    /**
     * The share of its files that are modules ({@link PipLayout}), drawn when first laid out: a Beta quantile found
     * by root finding, the dearest part of a layout. A function of key, version and files alone.
     */
    private double moduleShare = Double.NaN;
    /** The layout shape {@link #moduleShare} was drawn for. */
    private PipTiming.Layout moduleShareShape;

    public Distribution(String name, String version, int files) {
        if (files < 1) {
            throw new IllegalArgumentException("a distribution has at least one file: " + name);
        }
        this.name = Objects.requireNonNull(name);
        this.version = Objects.requireNonNull(version);
        this.files = files;
        this.key = PackageName.normalize(name);
        String stem = folderStem(name);
        this.distInfo = stem + "-" + version + ".dist-info";
        this.packageFolder = stem.toLowerCase();
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public int files() {
        return files;
    }

    /** The normalized name, as the scanner reports it. */
    public String key() {
        return key;
    }

    /** {@code key} at {@code version}, as many files as the distribution of that key in {@code known}, if any. */
    public static Distribution sized(String key, String version, Map<String, Distribution> known) {
        Distribution before = known.get(key);
        Distribution sized = new Distribution(key, version, before == null ? DEFAULT_FILES : before.files());
        if (before != null && before.key.equals(sized.key) && before.version.equals(version)) {
            sized.moduleShare = before.moduleShare;
            sized.moduleShareShape = before.moduleShareShape;
        }
        return sized;
    }

    /** The key of a distribution named {@code name}. */
    public static String keyOf(String name) {
        return PackageName.normalize(name);
    }

    /** The name with each run of {@code -_.} one {@code _}, as wheels name their folders. */
    private static String folderStem(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!separator(c)) {
                out.append(c);
            } else if (i == 0 || !separator(name.charAt(i - 1))) {
                out.append('_');
            }
        }
        return out.toString();
    }

    private static boolean separator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    String distInfo() {
        return distInfo;
    }

    String packageFolder() {
        return packageFolder;
    }

    /** The DESCRIPTION an installed R package holds: its name and version. */
    String description() {
        if (description == null) {
            description = "Package: " + name + "\nVersion: " + version + "\n";
        }
        return description;
    }

    /** The module share laid out before, or NaN. */
    double moduleShare() {
        return moduleShare;
    }

    /** The shape {@link #moduleShare()} was drawn for, or null. */
    PipTiming.Layout moduleShareShape() {
        return moduleShareShape;
    }

    void moduleShare(double share, PipTiming.Layout shape) {
        moduleShare = share;
        moduleShareShape = shape;
    }

    static String stash(String entry) {
        return "~" + entry.substring(1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Distribution that && files == that.files && name.equals(that.name)
                && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, files);
    }

    @Override
    public String toString() {
        return "Distribution[name=" + name + ", version=" + version + ", files=" + files + "]";
    }
}
