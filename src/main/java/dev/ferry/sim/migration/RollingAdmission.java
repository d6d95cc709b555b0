package dev.ferry.sim.migration;

import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.reconcile.SourceOrchestrator;
import dev.ferry.migrate.reconcile.SourceOrchestratorException;
import dev.ferry.sim.VirtualTime;
import dev.ferry.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/** The rolling strategy: the source as the scheduler sees it, its sessions revealed in order at a fixed rate. */
final class RollingAdmission implements SourceOrchestrator {

    private final SourceOrchestrator all;
    private final SessionIds ids;
    private final Clock clock;
    private final long startNanos;
    private final double perHour;

    RollingAdmission(SourceOrchestrator all, SessionIds ids, Clock clock, long startNanos, double perHour) {
        this.all = all;
        this.ids = ids;
        this.clock = clock;
        this.startNanos = startNanos;
        this.perHour = perHour;
    }

    private int admitted() {
        double hours = (clock.nanos() - startNanos) / (double) VirtualTime.HOUR;
        return hours < 0 ? 0 : (int) Math.min(ids.size(), Math.floor(hours * perHour) + 1);
    }

    @Override
    public List<SourceSession> sessions() throws SourceOrchestratorException {
        int admitted = admitted();
        return all.sessions().stream().filter(j -> ids.indexOf(j.jobId()) < admitted).toList();
    }

    @Override
    public void stop(String jobId) throws SourceOrchestratorException {
        all.stop(jobId);
    }

    @Override
    public void start(String jobId) throws SourceOrchestratorException {
        all.start(jobId);
    }

    @Override
    public OptionalLong lastActivity(String jobId) throws SourceOrchestratorException {
        return all.lastActivity(jobId);
    }

    /** When the next session is revealed, virtual time; Long.MAX_VALUE when all are. */
    long nextAdmissionNanos() {
        int admitted = admitted();
        if (admitted >= ids.size()) {
            return Long.MAX_VALUE;
        }
        return startNanos + (long) Math.ceil(admitted / perHour * VirtualTime.HOUR);
    }
}
