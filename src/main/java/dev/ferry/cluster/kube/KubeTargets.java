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
import java.util.Set;
import java.util.TreeSet;

/**
 * The reconciler's {@link TargetClusters} over the federation's {@link KubeCluster}s. Each cluster's session Jobs, their
 * migration records and, from the Jobs' status, where their pods stand ({@link JobPodStatus}) are read either by one
 * list call per cluster and pass (a one-shot look such as {@code migrate plan}) or from a {@link JobCache} per
 * cluster that a watch keeps current (a scheduler that runs: no request per pass); suspending and unsuspending are
 * one guarded patch of the record and {@code spec.suspend}, always sent to the API server. API errors are
 * KubeCluster's {@link KubeApiException}s.
 */
public final class KubeTargets implements TargetClusters {

    private final Federation federation;
    private final Map<String, JobCache> caches;

    /** Lists each cluster's Jobs at every read. */
    public KubeTargets(Federation federation) {
        this(federation, Map.of());
    }

    /**
     * Reads each cluster's Jobs from its cache ({@code caches} by cluster name, one for every member).
     *
     * @throws IllegalArgumentException if a member has no cache or a cache names no member
     */
    public KubeTargets(Federation federation, Map<String, JobCache> caches) {
        this.federation = Objects.requireNonNull(federation, "federation");
        this.caches = Map.copyOf(caches);
        if (!this.caches.isEmpty()) {
            Set<String> members = new TreeSet<>();
            federation.members().forEach(m -> members.add(m.name()));
            if (!members.equals(new TreeSet<>(this.caches.keySet()))) {
                throw new IllegalArgumentException("one Job cache per member is needed: members " + members
                        + ", caches " + new TreeSet<>(this.caches.keySet()));
            }
        }
    }

    @Override
    public List<TargetCluster> clusters() {
        return federation.targetClusters();
    }

    @Override
    public List<TargetJob> jobs(String cluster) {
        JobCache cache = caches.get(cluster);
        return views(cluster, cache != null ? cache.sessionJobs() : member(cluster).sessionJobs());
    }

    /** The Jobs whose migration is not done: from the cache, or one list call with a label selector. */
    @Override
    public List<TargetJob> unsettledJobs(String cluster) {
        JobCache cache = caches.get(cluster);
        return views(cluster, cache != null ? cache.unsettledSessionJobs() : member(cluster).unsettledSessionJobs());
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
        member(cluster).createSessionJob(SessionJobs.placedOn(job, cluster));
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
