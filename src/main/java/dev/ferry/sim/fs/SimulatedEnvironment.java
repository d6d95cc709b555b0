package dev.ferry.sim.fs;

import dev.ferry.tracker.scan.EnvironmentView;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * An environment directory held in memory. Paths are relative and use {@code /}. Operations are
 * forgiving in the way a recording is: creating under a missing folder creates the folder, and
 * deleting what does not exist does nothing, because a trace starts with a tree it never listed.
 */
public final class SimulatedEnvironment implements EnvironmentView {

    /**
     * A file or a folder; opaque outside this class, handed back to {@link #attach}. A folder's entries are made
     * with its first entry: most package folders of an image stay empty in a simulated environment.
     */
    public static final class Node {
        private final boolean directory;
        private String content;
        private Entries children;

        Node(boolean directory, String content) {
            this.directory = directory;
            this.content = content;
            this.children = directory ? Entries.NONE : null;
        }

        private void put(String name, Node child) {
            if (children == Entries.NONE) {
                children = new Entries();
            }
            children.put(name, child);
        }
    }

    /**
     * A folder's entries, sorted by name as a directory listing is given here: names and nodes in two arrays,
     * so that listing copies an array (the tracker lists the top level at every scan), and looked up by binary
     * search, or through a hash index once the folder is large (the top level holds hundreds of entries).
     */
    private static final class Entries {
        static final Entries NONE = new Entries();
        private static final int INDEXED_FROM = 16;
        private String[] names = new String[0];
        private Node[] nodes = new Node[0];
        private int size;
        private HashMap<String, Node> index;
        /** The listing handed out last, until an entry comes or goes. */
        private List<String> listing;

        Node get(String name) {
            if (index != null) {
                return index.get(name);
            }
            int i = search(name);
            return i >= 0 ? nodes[i] : null;
        }

        void put(String name, Node node) {
            int i = search(name);
            if (i >= 0) {
                nodes[i] = node;
            } else {
                i = -i - 1;
                if (size == names.length) {
                    int capacity = Math.max(4, size * 2);
                    names = Arrays.copyOf(names, capacity);
                    nodes = Arrays.copyOf(nodes, capacity);
                }
                System.arraycopy(names, i, names, i + 1, size - i);
                System.arraycopy(nodes, i, nodes, i + 1, size - i);
                names[i] = name;
                nodes[i] = node;
                size++;
                listing = null;
                if (index == null && size >= INDEXED_FROM) {
                    index = new HashMap<>(size * 4);
                    for (int k = 0; k < size; k++) {
                        index.put(names[k], nodes[k]);
                    }
                    return;
                }
            }
            if (index != null) {
                index.put(name, node);
            }
        }

        Node remove(String name) {
            if (index != null && !index.containsKey(name)) {
                return null;
            }
            int i = search(name);
            if (i < 0) {
                return null;
            }
            Node node = nodes[i];
            System.arraycopy(names, i + 1, names, i, size - i - 1);
            System.arraycopy(nodes, i + 1, nodes, i, size - i - 1);
            size--;
            names[size] = null;
            nodes[size] = null;
            listing = null;
            if (index != null) {
                index.remove(name);
            }
            return node;
        }

        /** The names in order, as an unmodifiable list that stays as it was when entries change later. */
        List<String> names() {
            if (size == 0) {
                return List.of();
            }
            if (listing == null) {
                listing = Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(names, size)));
            }
            return listing;
        }

        private int search(String name) {
            return Arrays.binarySearch(names, 0, size, name);
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

    /** The top-level entries in name order; the list is not changed by later changes to the environment. */
    @Override
    public List<String> list() {
        return root.children.names();
    }

    @Override
    public List<String> list(String relativeDirectory) {
        Node node = find(relativeDirectory);
        return node == null || !node.directory ? List.of() : node.children.names();
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
