package dev.ferry.sim.fs;

import dev.ferry.tracker.PackageName;

/**
 * A distribution as pip lays it out: a {@code name-version.dist-info} folder and one package
 * folder holding {@code files} modules.
 */
public record Distribution(String name, String version, int files) {

    public Distribution {
        if (files < 1) {
            throw new IllegalArgumentException("a distribution has at least one file: " + name);
        }
    }

    /** The normalized name, as the scanner reports it. */
    public String key() {
        return PackageName.normalize(name);
    }

    /** Files of a distribution the user never had in a session: an image distribution's size. */
    static final int DEFAULT_FILES = 10;

    /** {@code key} at {@code version}, as many files as the distribution of that key in {@code known}, if any. */
    public static Distribution sized(String key, String version, java.util.Map<String, Distribution> known) {
        Distribution before = known.get(key);
        return new Distribution(key, version, before == null ? DEFAULT_FILES : before.files());
    }

    /** The key of a distribution named {@code name}. */
    public static String keyOf(String name) {
        return PackageName.normalize(name);
    }

    String folderStem() {
        return name.replaceAll("[-_.]+", "_");
    }

    String distInfo() {
        return folderStem() + "-" + version + ".dist-info";
    }

    String packageFolder() {
        return folderStem().toLowerCase();
    }

    static String stash(String entry) {
        return "~" + entry.substring(1);
    }
}
