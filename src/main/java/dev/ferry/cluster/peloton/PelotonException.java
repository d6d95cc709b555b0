package dev.ferry.cluster.peloton;

import dev.ferry.migrate.reconcile.SourceOrchestratorException;
import java.util.Objects;

/**
 * A failed Peloton API call. Peloton answers over YARPC with gRPC-style status codes (its service
 * definitions document NOT_FOUND, ABORTED on a stale job version, INVALID_ARGUMENT and
 * FAILED_PRECONDITION); {@link Code#retryable()} says whether the same call may succeed if repeated.
 */
public final class PelotonException extends SourceOrchestratorException {

    private static final long serialVersionUID = 1L;

    /** The status codes Ferry distinguishes, each marked retryable or not. */
    public enum Code {
        /** The service could not be reached or is overloaded; the call had no effect. */
        UNAVAILABLE(true),
        /** The call timed out; it may or may not have taken effect (stop and start are idempotent). */
        DEADLINE_EXCEEDED(true),
        /** Rate-limited. */
        RESOURCE_EXHAUSTED(true),
        /** A concurrent change won (stale job version); read again and retry. */
        ABORTED(true),
        /** No such job. */
        NOT_FOUND(false),
        /** The request is malformed. */
        INVALID_ARGUMENT(false),
        /** The job is not in a state that allows the call, e.g. start of a job that is running. */
        FAILED_PRECONDITION(false),
        /** The caller may not do this. */
        PERMISSION_DENIED(false),
        /** A server-side bug or an unclassified failure. */
        INTERNAL(false);

        private final boolean retryable;

        Code(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Code code;
    private final String jobId;

    public PelotonException(Code code, String jobId, String message) {
        super(Objects.requireNonNull(code, "code") + (jobId == null ? "" : " [job " + jobId + "]") + ": " + message,
                code.retryable());
        this.code = code;
        this.jobId = jobId;
    }

    public Code code() {
        return code;
    }

    /** The job the call was about, or {@code null} for calls about no single job (listing). */
    public String jobId() {
        return jobId;
    }

    /** Whether repeating the same call may succeed; shorthand for {@code code().retryable()}. */
    public boolean isRetryable() {
        return code.retryable();
    }
}
