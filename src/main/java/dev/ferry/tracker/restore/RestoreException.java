package dev.ferry.tracker.restore;

/** A restore that must not go ahead (a checkpoint entry pip must not see, no environment to restore); the message says why. */
public final class RestoreException extends Exception {
    public RestoreException(String message) {
        super(message);
    }
}
