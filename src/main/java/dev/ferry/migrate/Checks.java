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
}
