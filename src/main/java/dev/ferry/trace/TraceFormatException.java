package dev.ferry.trace;

/** A trace that cannot be read; the message names the file and line. */
public final class TraceFormatException extends Exception {
    public TraceFormatException(String message) {
        super(message);
    }
}
