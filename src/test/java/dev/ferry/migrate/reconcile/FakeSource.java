package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.SourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The source orchestrator port in miniature: stop → STOPPING → ENDED, start → STARTING → RUNNING, moved by
 * {@link #tick()}. (The harness's Peloton, {@code dev.ferry.sim.peloton.FakePeloton}, fakes Peloton itself, behind
 * the real adapter.)
 */
final class FakeSource implements SourceOrchestrator {

    private final Map<String, SourceSession> sessions = new TreeMap<>();
    private final Map<String, Long> activity = new TreeMap<>();
    private final MutationGate gate;

    FakeSource(MutationGate gate) {
        this.gate = gate;
    }

    void addRunning(String jobId, String owner, String team, String zone, Resources resources) {
        sessions.put(jobId, new SourceSession(jobId, owner, team, zone, resources, SourceState.RUNNING));
    }

    void setActivity(String jobId, long epochMillis) {
        activity.put(jobId, epochMillis);
    }

    SourceState state(String jobId) {
        return sessions.get(jobId).state();
    }

    void setState(String jobId, SourceState state) {
        sessions.put(jobId, with(sessions.get(jobId), state));
    }

    /** One step of the source's own progress. */
    void tick() {
        for (SourceSession s : new ArrayList<>(sessions.values())) {
            if (s.state() == SourceState.STOPPING) {
                sessions.put(s.jobId(), with(s, SourceState.ENDED));
            } else if (s.state() == SourceState.STARTING) {
                sessions.put(s.jobId(), with(s, SourceState.RUNNING));
            }
        }
    }

    @Override
    public List<SourceSession> sessions() {
        return List.copyOf(sessions.values());
    }

    @Override
    public void stop(String jobId) throws SourceOrchestratorException {
        gate.pass();
        SourceSession s = known(jobId);
        if (!s.state().isEnded() && s.state() != SourceState.STOPPING) {
            sessions.put(jobId, with(s, SourceState.STOPPING));
        }
    }

    @Override
    public void start(String jobId) throws SourceOrchestratorException {
        gate.pass();
        SourceSession s = known(jobId);
        if (s.state().isEnded()) {
            sessions.put(jobId, with(s, SourceState.STARTING));
        } else if (s.state() != SourceState.STARTING) {
            throw new SourceOrchestratorException("job " + jobId + " is " + s.state(), false);
        }
    }

    @Override
    public OptionalLong lastActivity(String jobId) {
        Long at = activity.get(jobId);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    private SourceSession known(String jobId) throws SourceOrchestratorException {
        SourceSession s = sessions.get(jobId);
        if (s == null) {
            throw new SourceOrchestratorException("no such job " + jobId, false);
        }
        return s;
    }

    private static SourceSession with(SourceSession s, SourceState state) {
        return new SourceSession(s.jobId(), s.owner(), s.team(), s.zone(), s.resources(), state);
    }
}
