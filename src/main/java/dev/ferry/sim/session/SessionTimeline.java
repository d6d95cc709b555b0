package dev.ferry.sim.session;

import java.util.Arrays;

/**
 * What happened to one session, in the order it happened, for its timeline in the run report: package commands,
 * checkpoints, container stops and the moments it became usable again. Kept compact (three primitive arrays that
 * grow as needed) because every session of a run keeps one; recording draws nothing and changes nothing, so it
 * leaves every simulated figure as it was.
 */
public final class SessionTimeline {

    /** What a mark records. */
    public enum Kind {
        /** A package command that changed the environment ran from {@link #from} to {@link #at}. */
        COMMAND,
        /** A package command that changed nothing (a failed or no-op install). */
        COMMAND_UNCHANGED,
        /** A package command cut short by its container stopping. */
        COMMAND_INTERRUPTED,
        /** The tracker wrote a checkpoint. */
        CHECKPOINT,
        /** The user restarted the session. */
        STOP_USER,
        /** The container was killed for lack of memory. */
        STOP_OOM,
        /** The container's node was lost. */
        STOP_NODE_LOSS,
        /** A migration stopped the container. */
        STOP_MIGRATION,
        /** A container finished starting (and restoring): the session is usable again. */
        USABLE
    }

    private static final Kind[] KINDS = Kind.values();

    private long[] at = new long[8];
    private long[] from = new long[8];
    private byte[] kind = new byte[8];
    private int size;

    public void record(Kind what, long fromNanos, long atNanos) {
        if (size == at.length) {
            at = Arrays.copyOf(at, size * 2);
            from = Arrays.copyOf(from, size * 2);
            kind = Arrays.copyOf(kind, size * 2);
        }
        at[size] = atNanos;
        from[size] = fromNanos;
        kind[size] = (byte) what.ordinal();
        size++;
    }

    public void record(Kind what, long atNanos) {
        record(what, atNanos, atNanos);
    }

    /** How many marks. */
    public int size() {
        return size;
    }

    public Kind kind(int k) {
        return KINDS[kind[k]];
    }

    /** Virtual time of mark {@code k} (a command's end). */
    public long at(int k) {
        return at[k];
    }

    /** Where mark {@code k} began (a command's start); {@link #at} for a moment. */
    public long from(int k) {
        return from[k];
    }
}
