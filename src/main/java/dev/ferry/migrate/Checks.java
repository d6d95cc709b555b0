package dev.ferry.migrate;

/** Argument checks whose messages name the field, shared by this package's records. */
final class Checks {

    private Checks() {
    }

    static String name(String value, String what) {
        if (value == null || value.isBlank()) {
            String found = value == null ? "null" : "\"" + value + "\"";
            throw new IllegalArgumentException(what + " must not be blank, found " + found);
        }
        return value;
    }

    static int atLeast(int value, int min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", found " + value);
        }
        return value;
    }

    static long atLeast(long value, long min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", found " + value);
        }
        return value;
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must be given");
        }
        return value;
    }

    /**
     * A cluster's name and zone, both non-blank, its {@code allocatable} capacity, and {@code part} of it (called
     * {@code partName} in messages) within it.
     */
    static void cluster(String name, String zone, Resources allocatable, Resources part, String partName) {
        name(name, "cluster name");
        name(zone, "zone of cluster " + name);
        present(allocatable, "allocatable of cluster " + name);
        present(part, partName + " of cluster " + name);
        if (!part.fitsIn(allocatable)) {
            throw new IllegalArgumentException("cluster " + name + " has more " + partName + " (" + part.describe()
                    + ") than allocatable (" + allocatable.describe() + ")");
        }
    }
}
