package dev.ferry.sim;

import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Checkpoints kept in memory, for replay and simulation where thousands of sessions write them.
 * Only the latest is kept: nothing in memory can be damaged, so there is never a need to fall back.
 */
public final class MemoryCheckpointStore implements CheckpointStore {

    private Checkpoint latest;
    private long writes;
    private Runnable onWrite = () -> { };

    /** Runs {@code listener} after each write (one listener; a later call replaces it). */
    public void onWrite(Runnable listener) {
        this.onWrite = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Optional<Checkpoint> load() {
        return Optional.ofNullable(latest);
    }

    @Override
    public void write(Checkpoint checkpoint) {
        latest = checkpoint;
        writes++;
        onWrite.run();
    }

    @Override
    public boolean holds(long generation) {
        return latest != null && latest.generation() == generation;
    }

    public long writes() {
        return writes;
    }
}
