package dev.ferry.cluster.peloton;

import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.SourceState;
import dev.ferry.migrate.reconcile.SourceOrchestrator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Peloton as the scheduler's {@link SourceOrchestrator}: every session job ({@code QueryJobs}) in Ferry's terms, and
 * stop and start as {@code StopJob} and {@code StartJob}. Failures are the client's {@link PelotonException}s.
 */
public final class PelotonSource implements SourceOrchestrator {

    private final PelotonClient client;

    public PelotonSource(PelotonClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<SourceSession> sessions() throws PelotonException {
        return client.queryJobs(JobQuery.all()).stream().map(PelotonSource::session).toList();
    }

    @Override
    public void stop(String jobId) throws PelotonException {
        client.stopJob(jobId);
    }

    @Override
    public void start(String jobId) throws PelotonException {
        client.startJob(jobId);
    }

    @Override
    public OptionalLong lastActivity(String jobId) throws PelotonException {
        return client.lastActivity(jobId);
    }

    /** {@code job} in Ferry's terms. */
    public static SourceSession session(SessionJob job) {
        return new SourceSession(job.jobId(), job.owner(), job.owningTeam(), job.zone(), job.resources().toResources(),
                state(job.state()), job.state().name(), job.state() == TaskState.KILLED);
    }

    /** What a task state means to the scheduler. */
    public static SourceState state(TaskState state) {
        if (state.isTerminal()) {
            return SourceState.ENDED;
        }
        return switch (state) {
            case RUNNING -> SourceState.RUNNING;
            case KILLING -> SourceState.STOPPING;
            case PREEMPTING -> SourceState.PREEMPTING;
            default -> SourceState.STARTING;
        };
    }
}
