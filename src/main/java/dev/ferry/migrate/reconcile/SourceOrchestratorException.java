package dev.ferry.migrate.reconcile;

/**
 * A call to the {@link SourceOrchestrator} that did not succeed. {@link #retryable()} says whether the same call may
 * succeed later (the source was unreachable, overloaded, or a concurrent change won); the scheduler then requeues it
 * on its own clock. Adapters throw subclasses that say more.
 */
public class SourceOrchestratorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public SourceOrchestratorException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** Whether repeating the same call may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
