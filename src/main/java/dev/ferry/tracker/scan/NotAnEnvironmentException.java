package dev.ferry.tracker.scan;

/** The directory given is not an environment the tracker can read; the message says why. */
public final class NotAnEnvironmentException extends Exception {
    public NotAnEnvironmentException(String message) {
        super(message);
    }
}
