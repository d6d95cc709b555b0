package dev.ferry.cluster.kube;

import dev.ferry.migrate.reconcile.TargetClusterException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.OptionalInt;

/**
 * A Kubernetes API call that did not succeed, with the HTTP status. {@link #retryable()} says whether the same
 * call may succeed later (429 Too Many Requests, any 5xx, or no answer at all: the cluster is unreachable); the
 * reconciler requeues those with its own backoff on its own clock. Other codes (400, 403, 422, ...) are
 * not transient and need a person.
 */
public final class KubeApiException extends TargetClusterException {

    /** {@link #code()} when no HTTP answer arrived (connection refused, reset, timed out). */
    public static final int NO_RESPONSE = 0;

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int code;
    private final Integer retryAfterSeconds;

    /** An error that is {@link #retryable()} when its code is ({@link #isRetryable(int)}). */
    public KubeApiException(String cluster, String operation, int code, String message, Integer retryAfterSeconds,
            Throwable cause) {
        this(cluster, operation, code, isRetryable(code), message, retryAfterSeconds, cause);
    }

    /** An error whose retryability is known from the situation rather than from the code alone. */
    KubeApiException(String cluster, String operation, int code, boolean retryable, String message,
            Integer retryAfterSeconds, Throwable cause) {
        super(cluster, "cluster " + cluster + ": " + operation + " failed"
                + (code == NO_RESPONSE ? " without an answer" : " with HTTP " + code)
                + (message == null || message.isBlank() ? "" : ": " + message), retryable, cause);
        this.operation = operation;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static KubeApiException of(String cluster, String operation, KubernetesClientException e) {
        Integer retryAfter = null;
        String message = e.getMessage();
        if (e.getStatus() != null) {
            if (e.getStatus().getMessage() != null) {
                message = e.getStatus().getMessage();
            }
            if (e.getStatus().getDetails() != null) {
                retryAfter = e.getStatus().getDetails().getRetryAfterSeconds();
            }
        }
        return new KubeApiException(cluster, operation, Math.max(e.getCode(), NO_RESPONSE), message, retryAfter, e);
    }

    /** Whether {@code code} is worth retrying: 429, 5xx, or {@link #NO_RESPONSE}. */
    public static boolean isRetryable(int code) {
        return code == NO_RESPONSE || code == 429 || (code >= 500 && code <= 599);
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int code() {
        return code;
    }

    /** What was attempted, e.g. {@code get job session-42}. */
    public String operation() {
        return operation;
    }

    /** The server's hint (Status details) of how long to wait, when it gave one. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }
}
