package dev.ferry.tracker.restore;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageName;
import dev.ferry.tracker.PackageSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a restore does to an image, as a pure function of the user's change (a checkpoint
 * environment's diff) and the image's installed set: every package the user added or changed is
 * installed at the user's version unless the image already has exactly that version; every
 * package the user removed is uninstalled if the image has it. Packages the user never touched
 * stay as the image has them. Names are compared as PEP 503 normalizes them.
 *
 * @param install        name to the version to install
 * @param uninstall      name to the version the image has
 * @param alreadyPresent added or changed packages the image already has at the wanted version
 * @param alreadyAbsent  removed packages the image does not have
 */
public record RestorePlan(SortedMap<String, String> install,
                          SortedMap<String, String> uninstall,
                          SortedMap<String, String> alreadyPresent,
                          SortedSet<String> alreadyAbsent) {

    public RestorePlan {
        install = Collections.unmodifiableSortedMap(new TreeMap<>(install));
        uninstall = Collections.unmodifiableSortedMap(new TreeMap<>(uninstall));
        alreadyPresent = Collections.unmodifiableSortedMap(new TreeMap<>(alreadyPresent));
        alreadyAbsent = Collections.unmodifiableSortedSet(new TreeSet<>(alreadyAbsent));
    }

    public static RestorePlan of(PackageDiff wanted, PackageSet image) {
        TreeMap<String, String> install = new TreeMap<>();
        TreeMap<String, String> uninstall = new TreeMap<>();
        TreeMap<String, String> present = new TreeMap<>();
        TreeSet<String> absent = new TreeSet<>();
        wanted.pins().forEach((rawName, version) -> {
            String name = PackageName.normalize(rawName);
            if (version.equals(image.version(name))) {
                present.put(name, version);
            } else {
                install.put(name, version);
            }
        });
        wanted.removed().keySet().forEach(rawName -> {
            String name = PackageName.normalize(rawName);
            String inImage = image.version(name);
            if (inImage == null) {
                absent.add(name);
            } else {
                uninstall.put(name, inImage);
            }
        });
        return new RestorePlan(install, uninstall, present, absent);
    }

    /** The installs as pins; throws if an entry was never validated (see {@link CheckpointValidation#checkForRestore}). */
    public List<Pin> pins() {
        List<Pin> pins = new ArrayList<>();
        install.forEach((name, version) -> pins.add(new Pin(name, version)));
        return pins;
    }

    /** Whether nothing needs to run: every package is already as the user had it. */
    public boolean isNoop() {
        return install.isEmpty() && uninstall.isEmpty();
    }

    /** How many packages the plan covers, including those already as wanted. */
    public int size() {
        return install.size() + uninstall.size() + alreadyPresent.size() + alreadyAbsent.size();
    }
}
