package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's Job on one target cluster, as observed.
 *
 * @param cluster         the cluster it is on
 * @param sessionId       the session (its {@code ferry.dev/session} label)
 * @param owner           its {@code ferry.dev/owner} label
 * @param team            its {@code ferry.dev/team} label
 * @param suspended       {@code spec.suspend}: a suspended Job has (or soon has) no pod
 * @param deleting        it has a deletionTimestamp (foreground deletion waits for its pod)
 * @param migration       its migration annotations, parsed (never throws)
 * @param resourceVersion for optimistic-concurrency patches
 * @param pod             the phase of its pod, empty when it has none
 * @param request         what its pod reserves
 * @param unschedulable   its pod is Pending because no node of the cluster fits it (the pod's condition
 *                        {@code PodScheduled=False}, reason {@code Unschedulable}); adapters read it on full passes
 *                        for Jobs still STARTING and report false where they did not look
 */
public record TargetJob(String cluster, String sessionId, String owner, String team, boolean suspended,
        boolean deleting, MigrationRecord.Parsed migration, String resourceVersion, Optional<PodPhase> pod,
        Resources request, boolean unschedulable) {

    /** A Job whose pod is not known to be unschedulable. */
    public TargetJob(String cluster, String sessionId, String owner, String team, boolean suspended,
            boolean deleting, MigrationRecord.Parsed migration, String resourceVersion, Optional<PodPhase> pod,
            Resources request) {
        this(cluster, sessionId, owner, team, suspended, deleting, migration, resourceVersion, pod, request, false);
    }

    public TargetJob {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(resourceVersion, "resourceVersion");
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(request, "request");
    }

    /** The same Job, its pod known to be unschedulable or not. */
    public TargetJob withUnschedulable(boolean unschedulable) {
        return new TargetJob(cluster, sessionId, owner, team, suspended, deleting, migration, resourceVersion, pod,
                request, unschedulable);
    }

    /** The migration record when it reads back well-formed. */
    public Optional<MigrationRecord> record() {
        return migration instanceof MigrationRecord.Valid v ? Optional.of(v.record()) : Optional.empty();
    }

    /** The recorded state when the annotations are well-formed. */
    public Optional<MigrationState> state() {
        return record().map(MigrationRecord::state);
    }

    /** Whether a container of the session may be running here: not suspended, or its pod is not gone yet. */
    public boolean mayRun() {
        return !suspended || podAlive();
    }

    /**
     * Whether the Job has a pod that is not over: Pending, Running or of unknown phase. A Failed or Succeeded pod
     * runs no container, whether or not its object is still there.
     */
    public boolean podAlive() {
        return pod.filter(p -> p != PodPhase.FAILED && p != PodPhase.SUCCEEDED).isPresent();
    }
}
