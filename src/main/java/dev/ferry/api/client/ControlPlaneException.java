package dev.ferry.api.client;

/** The control plane could not be asked, or answered what the client cannot use; the message says which and where. */
public final class ControlPlaneException extends RuntimeException {

    private final boolean tokenRefused;

    public ControlPlaneException(String message, boolean tokenRefused) {
        super(message);
        this.tokenRefused = tokenRefused;
    }

    /** Whether the server refused the token (401 or 403): a wrong token, not an unreachable server. */
    public boolean tokenRefused() {
        return tokenRefused;
    }
}
