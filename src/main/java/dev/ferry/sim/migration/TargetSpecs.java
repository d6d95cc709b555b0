package dev.ferry.sim.migration;

import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import dev.ferry.sim.session.SimulatedSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each session runs on Kubernetes, from its profile; it never changes, so it is built once per session. */
final class TargetSpecs {

    private final List<SimulatedSession> sessions;
    private final SessionIds ids;
    private final Map<String, SessionSpec> specs = new HashMap<>();

    TargetSpecs(List<SimulatedSession> sessions, SessionIds ids) {
        this.sessions = sessions;
        this.ids = ids;
    }

    SessionSpec of(SourceSession job) {
        return specs.computeIfAbsent(job.jobId(), id -> build(job));
    }

    private SessionSpec build(SourceSession job) {
        SimulatedSession s = sessions.get(ids.indexOf(job.jobId()));
        boolean jupyter = s.profile().isJupyter();
        return new SessionSpec(job.jobId(), job.owner(), job.team(), jupyter ? SessionKind.JUPYTER : SessionKind.RSTUDIO,
                jupyter ? "registry.example/jupyter:2026.11" : "registry.example/rstudio:2026.11",
                s.profile().size().resources().withMemoryInWholeGiB(), "nfs.example", "/homes/" + job.owner(), 0);
    }
}
