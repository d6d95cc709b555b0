package dev.ferry.tracker.checkpoint;

import java.io.IOException;
import java.util.Optional;

/** Where checkpoints live: a file on the user's persistent home, or memory in the simulation. */
public interface CheckpointStore {

    /**
     * The newest trustworthy checkpoint, or empty if none was ever written. A damaged newest
     * generation falls back to the previous one, reported through the store's warning channel.
     *
     * @throws CheckpointException if checkpoints exist but none can be trusted
     */
    Optional<Checkpoint> load() throws IOException, CheckpointException;

    /** Writes {@code checkpoint} durably; the generation it replaces stays readable as the previous one. */
    void write(Checkpoint checkpoint) throws IOException;

    /**
     * Whether the store still holds {@code generation} as its newest, intact: false when the file
     * was deleted or damaged since it was written, so the writer knows to write it anew.
     */
    boolean holds(long generation);
}
