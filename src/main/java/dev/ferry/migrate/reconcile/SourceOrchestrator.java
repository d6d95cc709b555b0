package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.SourceSession;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the scheduler needs from the orchestrator sessions move away from. Stop and start only request a change;
 * the session moves through its states afterwards, which the next observation reads. Every call may fail with a
 * {@link SourceOrchestratorException}; none retries or waits. Driven from one thread of control (the scheduler's
 * timer): implementations need not be thread-safe.
 */
public interface SourceOrchestrator {

    /** Every session on the source, in a stable order. */
    List<SourceSession> sessions() throws SourceOrchestratorException;

    /** Asks for the session to be stopped. Idempotent: one already stopping or ended is left as it is. */
    void stop(String jobId) throws SourceOrchestratorException;

    /** Asks for an ended session to be started again (for rollback); idempotent while it is already starting. */
    void start(String jobId) throws SourceOrchestratorException;

    /** When the session's user last did something in it, epoch ms; empty if never. */
    OptionalLong lastActivity(String jobId) throws SourceOrchestratorException;
}
