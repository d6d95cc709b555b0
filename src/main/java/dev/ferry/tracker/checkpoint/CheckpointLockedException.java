package dev.ferry.tracker.checkpoint;

/** Another tracker or restore holds the checkpoint's lock; the message names it. */
public final class CheckpointLockedException extends Exception {

    public CheckpointLockedException(String message) {
        super(message);
    }
}
