package dev.ferry.sim.migration;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.reconcile.SourceOrchestrator;
import dev.ferry.migrate.reconcile.SourceOrchestratorException;
import dev.ferry.migrate.reconcile.TargetClusters;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where a killed scheduler process stops: the scheduler's calls to the source and the target clusters go through
 * here, and once {@link #arm armed} the process dies just before the change after the first {@code changes} of a
 * pass (a create, patch, delete, stop or start), as a process killed between two API calls does: what it changed
 * stays changed, nothing after it happens. A kill among a pass's reads leaves the clusters as a kill just before its
 * first change does, so the changes are the points that matter. A pass that makes no more changes than that ends,
 * and the process dies right after it.
 */
final class CrashPoints {

    /** Thrown through the scheduler's pass, as the end of its process; nothing in the product catches it. */
    static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("the scheduler process was killed", null, false, false);
        }
    }

    private int armedAfter = -1;
    private int changesThisPass;

    /** The process dies after {@code changes} more changes of the next pass (or at its end). */
    void arm(int changes) {
        armedAfter = changes;
    }

    boolean armed() {
        return armedAfter >= 0;
    }

    void passStarts() {
        changesThisPass = 0;
    }

    /** The pass ended: whether the process dies now (it was armed and the pass made no more changes than that). */
    boolean passEnded() {
        boolean dies = armed();
        armedAfter = -1;
        return dies;
    }

    /** Forgets an armed kill (the process is gone). */
    void disarm() {
        armedAfter = -1;
    }

    private void change() {
        if (armedAfter >= 0 && changesThisPass >= armedAfter) {
            armedAfter = -1;
            throw new Killed();
        }
        changesThisPass++;
    }

    SourceOrchestrator source(SourceOrchestrator source) {
        return new SourceOrchestrator() {
            @Override
            public List<SourceSession> sessions() throws SourceOrchestratorException {
                return source.sessions();
            }

            @Override
            public void stop(String jobId) throws SourceOrchestratorException {
                change();
                source.stop(jobId);
            }

            @Override
            public void start(String jobId) throws SourceOrchestratorException {
                change();
                source.start(jobId);
            }

            @Override
            public OptionalLong lastActivity(String jobId) throws SourceOrchestratorException {
                return source.lastActivity(jobId);
            }
        };
    }

    TargetClusters targets(TargetClusters targets) {
        return new ForwardingTargets(targets) {
            @Override
            public void create(String cluster, SessionSpec spec, MigrationRecord migration, boolean suspended) {
                change();
                super.create(cluster, spec, migration, suspended);
            }

            @Override
            public PatchResult patch(String cluster, String sessionId, MigrationRecord migration, Boolean suspend,
                    String resourceVersion) {
                change();
                return super.patch(cluster, sessionId, migration, suspend, resourceVersion);
            }

            @Override
            public void delete(String cluster, String sessionId) {
                change();
                super.delete(cluster, sessionId);
            }
        };
    }
}
