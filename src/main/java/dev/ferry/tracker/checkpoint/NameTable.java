package dev.ferry.tracker.checkpoint;

import java.util.Arrays;

/**
 * The names of one kind of entry of an environment ({@code baseline}, {@code added}, ...) and each one's version, as
 * ranges of the checkpoint's bytes: what {@link CheckpointBytes} checks for duplicates and against the baseline
 * without making a String of any of them. Open addressing over a power-of-two table; the caller gives each name's
 * hash, the same function of its bytes for every table (names are looked up across tables). Reused across the
 * environments of one checkpoint ({@link #clear}).
 */
final class NameTable {

    private final byte[] source;
    private int[] slots;
    private int[] nameStart;
    private int[] nameEnd;
    private int[] valueStart;
    private int[] valueEnd;
    private int[] hashes;
    private int size;

    /** A table of names in {@code source}, room for {@code expected} (a power of two) before it grows. */
    NameTable(byte[] source, int expected) {
        this.source = source;
        this.slots = new int[expected * 2];
        this.nameStart = new int[expected];
        this.nameEnd = new int[expected];
        this.valueStart = new int[expected];
        this.valueEnd = new int[expected];
        this.hashes = new int[expected];
    }

    int size() {
        return size;
    }

    int nameStart(int entry) {
        return nameStart[entry];
    }

    int nameEnd(int entry) {
        return nameEnd[entry];
    }

    int valueStart(int entry) {
        return valueStart[entry];
    }

    int valueEnd(int entry) {
        return valueEnd[entry];
    }

    int hashOf(int entry) {
        return hashes[entry];
    }

    /** Adds the name with its version; false, adding nothing, when the name is there already. */
    boolean put(int from, int to, int hash, int versionFrom, int versionTo) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int entry = slots[i] - 1;
            if (entry < 0) {
                if (size == nameStart.length) {
                    int n = size * 2;
                    nameStart = Arrays.copyOf(nameStart, n);
                    nameEnd = Arrays.copyOf(nameEnd, n);
                    valueStart = Arrays.copyOf(valueStart, n);
                    valueEnd = Arrays.copyOf(valueEnd, n);
                    hashes = Arrays.copyOf(hashes, n);
                }
                nameStart[size] = from;
                nameEnd[size] = to;
                valueStart[size] = versionFrom;
                valueEnd[size] = versionTo;
                hashes[size] = hash;
                size++;
                slots[i] = size;
                return true;
            }
            if (hashes[entry] == hash && sameName(entry, source, from, to)) {
                return false;
            }
        }
    }

    /** The entry of the name in {@code names[from, to)}, or -1. */
    int find(byte[] names, int from, int to, int hash) {
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int entry = slots[i] - 1;
            if (entry < 0) {
                return -1;
            }
            if (hashes[entry] == hash && sameName(entry, names, from, to)) {
                return entry;
            }
        }
    }

    /** Whether the entry's version is the bytes {@code [from, to)} of this table's source. */
    boolean versionIs(int entry, int from, int to) {
        return Arrays.equals(source, valueStart[entry], valueEnd[entry], source, from, to);
    }

    void clear() {
        Arrays.fill(slots, 0);
        size = 0;
    }

    private boolean sameName(int entry, byte[] names, int from, int to) {
        return Arrays.equals(source, nameStart[entry], nameEnd[entry], names, from, to);
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int i = mix(hashes[entry]) & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = entry + 1;
        }
        slots = bigger;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
