package dev.ferry.des;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An indexed 4-ary min-heap over parallel primitive arrays: no boxing and no allocation per event
 * (arrays grow by half when full). Adding and taking the first event cost O(log n); removing any
 * pending event by its token costs O(log n) too, so cancelled events never linger in the list.
 *
 * <p>Each event sits in a <em>slot</em>, a stable index recycled after the event leaves. The token
 * is the slot in its low 32 bits and the slot's generation, bumped whenever the slot is freed, in
 * its high 32 bits, so a stale token no longer matches (until the same slot has been recycled
 * 2<sup>32</sup> times).
 */
public final class FourAryHeap implements EventList {

    private static final int INITIAL_CAPACITY = 64;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    // By heap position: the ordering key (time, priority, sequence), the task, and the slot.
    private long[] times;
    private int[] priorities;
    private long[] sequences;
    private Runnable[] tasks;
    private int[] slots;
    private int size;

    // By slot: where its event sits in the heap (-1 when free), and its generation.
    private int[] positions;
    private int[] generations;
    private int[] freeSlots;
    private int freeCount;
    private int slotCount;

    private long nextSequence;

    public FourAryHeap() {
        this(INITIAL_CAPACITY);
    }

    /** An empty heap with room for {@code capacity} events before it first grows. */
    public FourAryHeap(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be between 1 and " + MAX_CAPACITY + ": " + capacity);
        }
        times = new long[capacity];
        priorities = new int[capacity];
        sequences = new long[capacity];
        tasks = new Runnable[capacity];
        slots = new int[capacity];
        positions = new int[capacity];
        generations = new int[capacity];
        freeSlots = new int[capacity];
    }

    @Override
    public long add(long time, int priority, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (size == times.length) {
            grow();
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotCount++;
        siftUp(size++, time, priority, nextSequence++, task, slot);
        return ((long) generations[slot] << 32) | slot;
    }

    @Override
    public boolean remove(long token) {
        int slot = (int) token;
        if (slot < 0 || slot >= slotCount || generations[slot] != (int) (token >>> 32) || positions[slot] < 0) {
            return false;
        }
        int at = positions[slot];
        release(slot);
        int last = --size;
        Runnable task = tasks[last];
        tasks[last] = null;
        if (at != last) {
            long time = times[last];
            int priority = priorities[last];
            long sequence = sequences[last];
            if (at > 0 && keyBefore(time, priority, sequence, (at - 1) >>> 2)) {
                siftUp(at, time, priority, sequence, task, slots[last]);
            } else {
                siftDown(at, time, priority, sequence, task, slots[last]);
            }
        }
        return true;
    }

    @Override
    public long firstTime() {
        if (size == 0) {
            throw new NoSuchElementException("no pending event");
        }
        return times[0];
    }

    @Override
    public Runnable removeFirst() {
        if (size == 0) {
            throw new NoSuchElementException("no pending event");
        }
        Runnable first = tasks[0];
        release(slots[0]);
        int last = --size;
        Runnable moved = tasks[last];
        tasks[last] = null;
        if (last > 0) {
            siftDown(0, times[last], priorities[last], sequences[last], moved, slots[last]);
        }
        return first;
    }

    @Override
    public int size() {
        return size;
    }

    /** Whether an event with this key comes before the event at heap position {@code j}. */
    private boolean keyBefore(long time, int priority, long sequence, int j) {
        long t = times[j];
        if (time != t) {
            return time < t;
        }
        int p = priorities[j];
        return priority != p ? priority < p : sequence < sequences[j];
    }

    /** Whether the event at heap position {@code i} comes before the one at {@code j}. */
    private boolean before(int i, int j) {
        return keyBefore(times[i], priorities[i], sequences[i], j);
    }

    private void siftUp(int at, long time, int priority, long sequence, Runnable task, int slot) {
        while (at > 0) {
            int parent = (at - 1) >>> 2;
            if (!keyBefore(time, priority, sequence, parent)) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        put(at, time, priority, sequence, task, slot);
    }

    private void siftDown(int at, long time, int priority, long sequence, Runnable task, int slot) {
        int lastParent = (size - 2) >> 2; // -1 when size < 2: nothing has children
        while (at <= lastParent) {
            int child = (at << 2) + 1;
            int end = Math.min(child + 4, size);
            int best = child;
            for (int c = child + 1; c < end; c++) {
                if (before(c, best)) {
                    best = c;
                }
            }
            if (!beforeKey(best, time, priority, sequence)) {
                break;
            }
            move(best, at);
            at = best;
        }
        put(at, time, priority, sequence, task, slot);
    }

    /** Whether the event at heap position {@code i} comes before an event with this key. */
    private boolean beforeKey(int i, long time, int priority, long sequence) {
        long t = times[i];
        if (t != time) {
            return t < time;
        }
        int p = priorities[i];
        return p != priority ? p < priority : sequences[i] < sequence;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        priorities[to] = priorities[from];
        sequences[to] = sequences[from];
        tasks[to] = tasks[from];
        int slot = slots[from];
        slots[to] = slot;
        positions[slot] = to;
    }

    private void put(int at, long time, int priority, long sequence, Runnable task, int slot) {
        times[at] = time;
        priorities[at] = priority;
        sequences[at] = sequence;
        tasks[at] = task;
        slots[at] = slot;
        positions[slot] = at;
    }

    private void release(int slot) {
        positions[slot] = -1;
        generations[slot]++;
        freeSlots[freeCount++] = slot;
    }

    private void grow() {
        int capacity = times.length;
        if (capacity == MAX_CAPACITY) {
            throw new IllegalStateException("the event list is full: " + capacity + " pending events");
        }
        int grown = (int) Math.min(MAX_CAPACITY, capacity + (capacity >> 1) + 1L);
        times = Arrays.copyOf(times, grown);
        priorities = Arrays.copyOf(priorities, grown);
        sequences = Arrays.copyOf(sequences, grown);
        tasks = Arrays.copyOf(tasks, grown);
        slots = Arrays.copyOf(slots, grown);
        positions = Arrays.copyOf(positions, grown);
        generations = Arrays.copyOf(generations, grown);
        freeSlots = Arrays.copyOf(freeSlots, grown);
    }
}
