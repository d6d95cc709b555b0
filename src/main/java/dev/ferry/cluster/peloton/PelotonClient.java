package dev.ferry.cluster.peloton;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the migration scheduler needs from the source orchestrator. Method names follow Peloton's
 * v1alpha stateless {@code JobService} ({@code QueryJobs}, {@code GetJob}, {@code StopJob},
 * {@code StartJob}); like those RPCs, stop and start only request a change, and the task moves
 * through its {@link TaskState}s afterwards, so callers poll {@link #getJob(String)}.
 *
 * <p>Every call may fail with a {@link PelotonException}; {@link PelotonException#isRetryable()}
 * says whether to try again. Implementations are driven from one thread of control (the scheduler's
 * timer) and need not be thread-safe.
 */
public interface PelotonClient {

    /** The session jobs that match {@code query}, in a stable order. */
    List<SessionJob> queryJobs(JobQuery query) throws PelotonException;

    /** One job, or empty when Peloton does not know it (its NOT_FOUND). */
    Optional<SessionJob> getJob(String jobId) throws PelotonException;

    /**
     * Requests that the job's task be killed (desired state KILLED). Idempotent: a job that is already
     * KILLING or has ended is left as it is.
     *
     * @throws PelotonException NOT_FOUND for an unknown job, or a retryable error
     */
    void stopJob(String jobId) throws PelotonException;

    /**
     * Starts a stopped job again, as a new run (for rollback). Idempotent while the job is already on
     * its way to RUNNING (PENDING through STARTING, desired RUNNING).
     *
     * @throws PelotonException FAILED_PRECONDITION when the task is RUNNING or still KILLING (or in any
     *     state that is neither ended nor starting), NOT_FOUND for an unknown job, or a retryable error
     */
    void startJob(String jobId) throws PelotonException;

    /**
     * When the session's user last did something in it, in epoch milliseconds, like JupyterHub's
     * {@code last_activity}; empty if never. This signal comes from the notebook proxy rather than
     * from Peloton's API; it is here because it belongs to the session on the source.
     */
    OptionalLong lastActivity(String jobId) throws PelotonException;
}
