package dev.ferry.api.control;

/** The store could not read or write; the message says what and where. */
public final class SessionStoreException extends RuntimeException {
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
