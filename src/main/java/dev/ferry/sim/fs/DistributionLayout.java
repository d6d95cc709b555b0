package dev.ferry.sim.fs;

/**
 * Where a finished distribution sits in a simulated environment, written at once (no file
 * events): for an image's contents and for what a restore installs before any tracker watches.
 * Python: {@code name-version.dist-info/} with its METADATA and RECORD, and the package folder;
 * R: {@code name/DESCRIPTION}.
 */
public final class DistributionLayout {

    private DistributionLayout() {
    }

    public static void write(SimulatedEnvironment tree, Distribution d, boolean python) {
        if (python) {
            tree.writeFile(d.distInfo(), "METADATA", "");
            tree.writeFile(d.distInfo(), "RECORD", "");
            tree.createDirectory(d.packageFolder());
        } else {
            tree.writeFile(d.name(), "DESCRIPTION", d.description());
        }
    }

    /** Removes a Python distribution's dist-info and package folder. */
    public static void removePython(SimulatedEnvironment tree, Distribution d) {
        tree.delete(d.distInfo());
        tree.delete(d.packageFolder());
    }
}
