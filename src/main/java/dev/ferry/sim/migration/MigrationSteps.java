package dev.ferry.sim.migration;

import dev.ferry.migrate.MigrationState;
import java.util.Arrays;

/**
 * Every step of every session's migration, in the order they happened: each migration state the scheduler managed
 * to write on a cluster, each phase change of the session's pod there, the Job's deletion, and the source task
 * stopping and running again. Four primitive arrays for the whole run.
 */
public final class MigrationSteps {

    /** What a step is. The first ones are the migration states, in {@link MigrationState}'s order. */
    public enum Step {
        PENDING, BARRIER, STOPPING_SOURCE, CREATING, STARTING, VERIFYING, DONE, ROLLING_BACK, ROLLED_BACK, FAILED,
        /** The session's pod was bound to a node. */
        POD_SCHEDULED,
        /** The session's pod found no node with room for it. */
        POD_UNSCHEDULABLE,
        /** The session's pod runs. */
        POD_RUNNING,
        /** The session's pod failed (its node was lost). */
        POD_FAILED,
        /** The session's pod was deleted. */
        POD_DELETED,
        /** The scheduler deleted the session's Job. */
        JOB_DELETED,
        /** The source task stopped. */
        SOURCE_STOPPED,
        /** The source task runs again (a rollback, or a restart after a lost target). */
        SOURCE_RUNNING;

        static Step of(MigrationState state) {
            return values()[state.ordinal()];
        }

        /** The name reports use: lower case with {@code -}, as {@link MigrationState#wireName()}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Step[] STEPS = Step.values();

    private int[] session = new int[256];
    private long[] at = new long[256];
    private byte[] step = new byte[256];
    private byte[] cluster = new byte[256];
    private int size;

    /** {@code clusterIndex} -1 for a step on the source. */
    void record(int sessionIndex, long atNanos, Step what, int clusterIndex) {
        if (size == at.length) {
            session = Arrays.copyOf(session, size * 2);
            at = Arrays.copyOf(at, size * 2);
            step = Arrays.copyOf(step, size * 2);
            cluster = Arrays.copyOf(cluster, size * 2);
        }
        session[size] = sessionIndex;
        at[size] = atNanos;
        step[size] = (byte) what.ordinal();
        cluster[size] = (byte) clusterIndex;
        size++;
    }

    public int size() {
        return size;
    }

    /** The session's place in the simulation's list. */
    public int session(int k) {
        return session[k];
    }

    public long at(int k) {
        return at[k];
    }

    public Step step(int k) {
        return STEPS[step[k]];
    }

    /** The index of the cluster in {@link MigrationHistory#clusters()}, -1 on the source. */
    public int cluster(int k) {
        return cluster[k];
    }
}
