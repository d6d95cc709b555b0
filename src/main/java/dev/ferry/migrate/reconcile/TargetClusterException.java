package dev.ferry.migrate.reconcile;

/**
 * A call to a target cluster ({@link TargetClusters}) that did not succeed. {@link #retryable()} says whether the
 * same call may succeed later (the cluster was unreachable or overloaded); the reconciler requeues those with its own
 * backoff on its own clock, and the others need a person. Adapters throw subclasses that say more.
 */
public class TargetClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String cluster;
    private final boolean retryable;

    public TargetClusterException(String cluster, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.cluster = cluster;
        this.retryable = retryable;
    }

    /** The cluster the call went to. */
    public String cluster() {
        return cluster;
    }

    /** Whether the same call may succeed later: requeue it rather than give up. */
    public boolean retryable() {
        return retryable;
    }
}
