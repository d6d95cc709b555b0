package dev.ferry.sim.fs;

import dev.ferry.tracker.scan.EnvironmentView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An environment directory held in memory. Paths are relative and use {@code /}. Operations are
 * forgiving in the way a recording is: creating under a missing folder creates the folder, and
 * deleting what does not exist does nothing, because a trace starts with a tree it never listed.
 */
public final class SimulatedEnvironment implements EnvironmentView {

    /**
     * A file or a folder; opaque outside this class, handed back to {@link #attach}. A folder's map of entries is
     * made with its first entry: most package folders of an image stay empty in a simulated environment.
     */
    public static final class Node {
        private static final TreeMap<String, Node> NONE = new TreeMap<>();
        private final boolean directory;
        private String content;
        private TreeMap<String, Node> children;

        Node(boolean directory, String content) {
            this.directory = directory;
            this.content = content;
            this.children = directory ? NONE : null;
        }

        private void put(String name, Node child) {
            if (children == NONE) {
                children = new TreeMap<>();
            }
            children.put(name, child);
        }
    }

    private final String location;
    private final Node root = new Node(true, null);

    public SimulatedEnvironment(String location) {
        this.location = location;
    }

    @Override
    public String location() {
        return location;
    }

    /** Creates a folder (and missing parents); an existing entry is left as it is. */
    public void createDirectory(String path) {
        ensure(path, true, null);
    }

    /**
     * Creates or overwrites the file {@code name} in the top-level folder {@code top} (created if missing), the
     * two names kept as given: an image's names, shared by every environment that holds it.
     */
    public void writeFile(String top, String name, String content) {
        Node folder = root.children.get(top);
        if (folder == null) {
            folder = new Node(true, null);
            root.put(top, folder);
        }
        if (!folder.directory) {
            folder.content = content;
            return;
        }
        Node file = folder.children.get(name);
        if (file == null) {
            folder.put(name, new Node(false, content));
        } else if (!file.directory) {
            file.content = content;
        }
    }

    /** Creates or overwrites a file (creating missing parent folders). */
    public void writeFile(String path, String content) {
        Node node = ensure(path, false, content);
        if (!node.directory) {
            node.content = content;
        }
    }

    /** Removes an entry and everything under it; returns whether it existed. */
    public boolean delete(String path) {
        return detach(path) != null;
    }

    /**
     * Moves an entry; returns false (and changes nothing) if {@code from} does not exist.
     * Whatever was at {@code to} is replaced, as rename(2) does.
     */
    public boolean move(String from, String to) {
        Node node = detach(from);
        if (node == null) {
            return false;
        }
        attach(to, node);
        return true;
    }

    /** Takes an entry out of the tree, for a move whose destination is not known yet. */
    public Node detach(String path) {
        int slash = path.lastIndexOf('/');
        Node parent = slash < 0 ? root : find(path.substring(0, slash));
        if (parent == null || !parent.directory) {
            return null;
        }
        return parent.children.remove(path.substring(slash + 1));
    }

    /** Puts a detached entry back at {@code path}. */
    public void attach(String path, Node node) {
        int slash = path.lastIndexOf('/');
        Node parent = slash < 0 ? root : ensure(path.substring(0, slash), true, null);
        if (parent.directory) {
            parent.put(path.substring(slash + 1), node);
        }
    }

    public boolean exists(String path) {
        return find(path) != null;
    }

    private Node ensure(String path, boolean directory, String content) {
        Node current = root;
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            String name = slash < 0 ? path.substring(start) : path.substring(start, slash);
            boolean last = slash < 0;
            if (!current.directory) {
                return current;
            }
            Node next = current.children.get(name);
            if (next == null) {
                next = last ? new Node(directory, directory ? null : content) : new Node(true, null);
                current.put(name, next);
            }
            if (last) {
                return next;
            }
            current = next;
            start = slash + 1;
        }
    }

    private Node find(String path) {
        Node current = root;
        int start = 0;
        while (true) {
            if (!current.directory) {
                return null;
            }
            int slash = path.indexOf('/', start);
            String name = slash < 0 ? path.substring(start) : path.substring(start, slash);
            current = current.children.get(name);
            if (current == null || slash < 0) {
                return current;
            }
            start = slash + 1;
        }
    }

    @Override
    public List<String> list() {
        return new ArrayList<>(root.children.keySet());
    }

    @Override
    public List<String> list(String relativeDirectory) {
        Node node = find(relativeDirectory);
        return node == null || !node.directory ? List.of() : new ArrayList<>(node.children.keySet());
    }

    @Override
    public boolean isFile(String relativePath) {
        Node node = find(relativePath);
        return node != null && !node.directory;
    }

    @Override
    public boolean isDirectory(String relativePath) {
        Node node = find(relativePath);
        return node != null && node.directory;
    }

    @Override
    public Optional<String> readText(String relativePath) {
        Node node = find(relativePath);
        return node == null || node.directory ? Optional.empty() : Optional.of(node.content == null ? "" : node.content);
    }
}
