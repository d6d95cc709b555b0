package dev.ferry.sim;

import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointStore;
import java.util.Optional;

/** Checkpoints kept in memory, for replay and simulation where thousands of sessions write them. */
public final class MemoryCheckpointStore implements CheckpointStore {

    private Checkpoint latest;
    private Checkpoint previous;
    private long writes;

    @Override
    public Optional<Checkpoint> load() {
        return Optional.ofNullable(latest);
    }

    @Override
    public void write(Checkpoint checkpoint) {
        previous = latest;
        latest = checkpoint;
        writes++;
    }

    public Optional<Checkpoint> previous() {
        return Optional.ofNullable(previous);
    }

    public long writes() {
        return writes;
    }
}
