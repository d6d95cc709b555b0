package dev.ferry.sim.fs;

import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.PackageName;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds the file tree a trace was recorded on, event by event. The tree starts with one
 * {@code *.dist-info} per package of the trace's {@code begin} marker; a later event that names
 * the same distribution under another spelling renames it. A MOVED_FROM is paired with an
 * immediately following MOVED_TO in the same folder (the kernel reports a rename's two halves
 * together, and pip renames only within a folder); without one the entry left the tree, and a
 * MOVED_TO without one brings in a new entry. The folder check matters where the events of
 * commands run side by side interleave: another command's MOVED_TO right after a MOVED_FROM is
 * not its other half.
 */
public final class TraceFileSystem {

    private final SimulatedEnvironment tree;
    /** Seeded dist-info folders by normalized "name-version", so an event's spelling can claim them. */
    private final Map<String, String> seeded = new HashMap<>();
    private SimulatedEnvironment.Node movedAway;
    private String movedAwayFolder;

    public TraceFileSystem(SimulatedEnvironment tree) {
        this.tree = tree;
    }

    public SimulatedEnvironment tree() {
        return tree;
    }

    /** Adds an installed distribution that existed before the recording started. */
    public void seed(String name, String version) {
        String folder = name.replaceAll("[-_.]+", "_") + "-" + version + ".dist-info";
        tree.writeFile(folder + "/METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        tree.writeFile(folder + "/RECORD", "");
        seeded.put(key(folder), folder);
    }

    /** Applies one recorded event to the tree. */
    public void apply(TraceLine.FileEvent event) {
        String path = event.path();
        claimSeeded(path);
        SimulatedEnvironment.Node pending = movedAway;
        boolean sameFolder = pending != null && folder(path).equals(movedAwayFolder);
        movedAway = null;
        if (event.has("MOVED_FROM")) {
            if (!tree.exists(path)) {
                materialize(path, event.isDirectory());
            }
            movedAway = tree.detach(path);
            movedAwayFolder = folder(path);
        } else if (event.has("MOVED_TO")) {
            if (sameFolder) {
                tree.attach(path, pending);
            } else {
                materialize(path, event.isDirectory());
            }
        } else if (event.has("CREATE")) {
            materialize(path, event.isDirectory());
        } else if (event.has("DELETE")) {
            tree.delete(path);
        } else if ((event.has("MODIFY") || event.has("CLOSE_WRITE")) && !tree.exists(path)) {
            materialize(path, false);
        }
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private void materialize(String path, boolean directory) {
        if (directory) {
            tree.createDirectory(path);
        } else if (!tree.exists(path)) {
            tree.writeFile(path, "");
        }
    }

    private void claimSeeded(String path) {
        if (seeded.isEmpty()) {
            return;
        }
        int slash = path.indexOf('/');
        String top = slash < 0 ? path : path.substring(0, slash);
        if (!top.endsWith(".dist-info") || tree.exists(top)) {
            return;
        }
        String folder = seeded.remove(key(top));
        if (folder != null) {
            tree.move(folder, top);
        }
    }

    private static String key(String distInfoFolder) {
        String stem = distInfoFolder.substring(0, distInfoFolder.length() - ".dist-info".length());
        int dash = stem.indexOf('-');
        return dash < 0 ? PackageName.normalize(stem)
                : PackageName.normalize(stem.substring(0, dash)) + " " + stem.substring(dash + 1);
    }
}
