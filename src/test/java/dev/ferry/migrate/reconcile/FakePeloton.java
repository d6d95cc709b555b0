package dev.ferry.migrate.reconcile;

import dev.ferry.cluster.peloton.JobQuery;
import dev.ferry.cluster.peloton.PelotonClient;
import dev.ferry.cluster.peloton.PelotonException;
import dev.ferry.cluster.peloton.Resources;
import dev.ferry.cluster.peloton.SessionJob;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.cluster.peloton.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Peloton's model in miniature: stop → KILLING → KILLED, start → PENDING → RUNNING, moved by {@link #tick()}. */
final class FakePeloton implements PelotonClient {

    private final Map<String, SessionJob> jobs = new TreeMap<>();
    private final Map<String, Long> activity = new TreeMap<>();
    private final MutationGate gate;

    FakePeloton(MutationGate gate) {
        this.gate = gate;
    }

    void addRunning(String jobId, String owner, String team, String zone, double cpu, long memMb) {
        jobs.put(jobId, new SessionJob(jobId, owner, team, zone, Resources.of(cpu, memMb),
                new TaskStatus(TaskState.RUNNING, TaskState.RUNNING, 1, "")));
    }

    void setActivity(String jobId, long epochMillis) {
        activity.put(jobId, epochMillis);
    }

    TaskState state(String jobId) {
        return jobs.get(jobId).state();
    }

    void setState(String jobId, TaskState state) {
        SessionJob j = jobs.get(jobId);
        jobs.put(jobId, with(j, state, j.task().desiredState(), j.task().runId()));
    }

    /** One step of Peloton's own progress. */
    void tick() {
        for (SessionJob j : new ArrayList<>(jobs.values())) {
            if (j.state() == TaskState.KILLING) {
                jobs.put(j.jobId(), with(j, TaskState.KILLED, TaskState.KILLED, j.task().runId()));
            } else if (j.state().isStarting()) {
                jobs.put(j.jobId(), with(j, TaskState.RUNNING, TaskState.RUNNING, j.task().runId()));
            }
        }
    }

    @Override
    public List<SessionJob> queryJobs(JobQuery query) {
        return jobs.values().stream().filter(query::matches).toList();
    }

    @Override
    public Optional<SessionJob> getJob(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public void stopJob(String jobId) throws PelotonException {
        gate.pass();
        SessionJob j = known(jobId);
        if (!j.state().isTerminal() && j.state() != TaskState.KILLING) {
            jobs.put(jobId, with(j, TaskState.KILLING, TaskState.KILLED, j.task().runId()));
        }
    }

    @Override
    public void startJob(String jobId) throws PelotonException {
        gate.pass();
        SessionJob j = known(jobId);
        if (j.state().isTerminal()) {
            jobs.put(jobId, with(j, TaskState.PENDING, TaskState.RUNNING, j.task().runId() + 1));
        } else if (!j.state().isStarting()) {
            throw new PelotonException(PelotonException.Code.FAILED_PRECONDITION, jobId, "task is " + j.state());
        }
    }

    @Override
    public OptionalLong lastActivity(String jobId) {
        Long at = activity.get(jobId);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    private SessionJob known(String jobId) throws PelotonException {
        SessionJob j = jobs.get(jobId);
        if (j == null) {
            throw new PelotonException(PelotonException.Code.NOT_FOUND, jobId, "no such job");
        }
        return j;
    }

    private static SessionJob with(SessionJob j, TaskState state, TaskState desired, long runId) {
        return new SessionJob(j.jobId(), j.owner(), j.owningTeam(), j.zone(), j.resources(),
                new TaskStatus(state, desired, runId, ""));
    }
}
