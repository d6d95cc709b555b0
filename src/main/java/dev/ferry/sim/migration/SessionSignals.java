package dev.ferry.sim.migration;

import dev.ferry.migrate.reconcile.CheckpointStatus;
import dev.ferry.sim.session.SimulatedSession;
import dev.ferry.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What each session's tracker would report to the control plane, for the scheduler's checkpoint
 * barrier: its home's latest checkpoint (current as of now while its tracker has nothing unflushed
 * and no command runs, as a heartbeat would say), a command running as install in progress, and the
 * generation the session's newest container restored.
 */
final class SessionSignals {

    private final List<SimulatedSession> sessions;
    private final SessionIds ids;
    private final Clock clock;
    /** The generation each session's newest container restored; -1 for none (down, or not restored). */
    private final long[] restored;

    SessionSignals(List<SimulatedSession> sessions, SessionIds ids, Clock clock) {
        this.sessions = sessions;
        this.ids = ids;
        this.clock = clock;
        this.restored = new long[sessions.size()];
        Arrays.fill(restored, -1);
    }

    void restored(int i, long generation) {
        restored[i] = generation;
    }

    void down(int i) {
        restored[i] = -1;
    }

    Optional<CheckpointStatus> of(String sessionId) {
        Integer i = ids.indexOf(sessionId);
        if (i == null) {
            return Optional.empty();
        }
        SimulatedSession s = sessions.get(i);
        return s.latestCheckpoint().map(c -> new CheckpointStatus(c.generation(),
                s.checkpointCurrent() ? clock.epochMillis() : c.writtenAtEpochMillis(), s.installInProgress(),
                restored[i] >= 0 ? OptionalLong.of(restored[i]) : OptionalLong.empty()));
    }
}
