package dev.ferry.tracker.checkpoint;

/** A checkpoint that cannot be trusted: truncated, damaged, or not a checkpoint. The message says where. */
public final class CheckpointException extends Exception {
    public CheckpointException(String message) {
        super(message);
    }
}
