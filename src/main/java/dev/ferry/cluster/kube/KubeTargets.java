package dev.ferry.cluster.kube;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.TargetClusters;
import dev.ferry.migrate.reconcile.TargetJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reconciler's {@link TargetClusters} over the federation's {@link KubeCluster}s. One list call per cluster reads
 * every session Job, its migration record and, from the Job's status, where its pod stands ({@link JobPodStatus});
 * suspending and unsuspending are one guarded patch of the record and {@code spec.suspend}. API errors are
 * KubeCluster's {@link KubeApiException}s.
 */
public final class KubeTargets implements TargetClusters {

    private final Federation federation;

    public KubeTargets(Federation federation) {
        this.federation = Objects.requireNonNull(federation, "federation");
    }

    @Override
    public List<TargetCluster> clusters() {
        return federation.targetClusters();
    }

    @Override
    public List<TargetJob> jobs(String cluster) {
        return views(cluster, member(cluster).sessionJobs());
    }

    /** One list call with a label selector: the Jobs whose migration is not done. */
    @Override
    public List<TargetJob> unsettledJobs(String cluster) {
        return views(cluster, member(cluster).unsettledSessionJobs());
    }

    private static List<TargetJob> views(String cluster, List<Job> jobs) {
        List<TargetJob> views = new ArrayList<>();
        for (Job job : jobs) {
            Optional<String> sessionId = SessionJobs.sessionId(job);
            if (sessionId.isEmpty()) {
                continue;
            }
            Map<String, String> labels = job.getMetadata().getLabels();
            Optional<PodPhase> pod = JobPodStatus.podPhase(job);
            views.add(new TargetJob(cluster, sessionId.get(), labels.getOrDefault(SessionJobs.OWNER, ""),
                    labels.getOrDefault(SessionJobs.TEAM, ""),
                    job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getSuspend()),
                    job.getMetadata().getDeletionTimestamp() != null, MigrationAnnotations.of(job),
                    Objects.toString(job.getMetadata().getResourceVersion(), ""), pod, SessionJobs.request(job)));
        }
        return views;
    }

    @Override
    public void createSuspended(String cluster, SessionSpec spec, MigrationRecord migration) {
        Job job = SessionJobs.job(spec.withCheckpointGeneration(migration.checkpointGeneration()), migration.state(),
                migration.startedEpochMillis());
        job.getSpec().setSuspend(true);
        member(cluster).createSessionJob(job);
    }

    @Override
    public PatchResult patch(String cluster, String sessionId, MigrationRecord migration, Boolean suspend,
            String resourceVersion) {
        PatchOutcome outcome = member(cluster).patchMigration(sessionId, migration, suspend, resourceVersion);
        if (outcome instanceof PatchOutcome.Patched) {
            return PatchResult.PATCHED;
        }
        return outcome instanceof PatchOutcome.Conflict ? PatchResult.CONFLICT : PatchResult.NOT_FOUND;
    }

    @Override
    public void delete(String cluster, String sessionId) {
        member(cluster).deleteSessionJob(sessionId);
    }

    private KubeCluster member(String cluster) {
        return federation.member(cluster).orElseThrow(
                () -> new IllegalArgumentException("cluster " + cluster + " is not in the federation")).cluster();
    }
}
