package dev.ferry.cluster.kube;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.TargetClusters;
import dev.ferry.migrate.reconcile.TargetJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.HashMap;
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
 * one guarded patch of the record and {@code spec.suspend}, always sent to the API server; a full read also asks for
 * the pods of Jobs still starting whether they are unschedulable ({@link #jobs}). API errors are
 * KubeCluster's {@link KubeApiException}s.
 */
public final class KubeTargets implements TargetClusters {

    private final Federation federation;
    private final Map<String, JobCache> caches;
    /** Per cached cluster, the views of its every Job and of its unsettled ones, kept while their Jobs are. */
    private final Map<String, JobViews> allViews = new HashMap<>();
    private final Map<String, JobViews> unsettledViews = new HashMap<>();

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
        for (String cluster : this.caches.keySet()) {
            allViews.put(cluster, new JobViews(job -> view(cluster, job)));
            unsettledViews.put(cluster, new JobViews(job -> view(cluster, job)));
        }
    }

    @Override
    public List<TargetCluster> clusters() {
        return federation.targetClusters();
    }

    /**
     * Every session Job; for each one STARTING whose pod is still Pending, its pod is read too (one call each) for
     * whether it is unschedulable ({@link TargetJob#unschedulable()}). The Job's status says only that a pod is
     * active; pods normally run well before the next full pass, so these reads are few.
     */
    @Override
    public List<TargetJob> jobs(String cluster) {
        JobCache cache = caches.get(cluster);
        List<TargetJob> views = cache != null ? allViews.get(cluster).of(cache.sessionJobs())
                : views(cluster, member(cluster).sessionJobs());
        List<TargetJob> read = null; // the cached views themselves unless a pending pod's scheduling is asked
        for (int i = 0; i < views.size(); i++) {
            TargetJob j = views.get(i);
            boolean starting = j.state().filter(MigrationState.STARTING::equals).isPresent() && !j.suspended()
                    && !j.deleting() && j.pod().filter(PodPhase.PENDING::equals).isPresent();
            if (starting) {
                if (read == null) {
                    read = new ArrayList<>(views);
                }
                read.set(i, j.withUnschedulable(unschedulable(cluster, j.sessionId())));
            }
        }
        return read != null ? read : views;
    }

    /** Whether the session's pod is unschedulable; false when that pod cannot be read now (the Job was read). */
    private boolean unschedulable(String cluster, String sessionId) {
        try {
            return member(cluster).sessionPod(sessionId).filter(p -> !p.terminating())
                    .map(SessionPod::unschedulable).orElse(false);
        } catch (KubeApiException e) {
            return false; // a hint only: the next full pass asks again, and the start timeout stands meanwhile
        }
    }

    /** The Jobs whose migration is not done: from the cache, or one list call with a label selector. */
    @Override
    public List<TargetJob> unsettledJobs(String cluster) {
        JobCache cache = caches.get(cluster);
        return cache != null ? unsettledViews.get(cluster).of(cache.unsettledSessionJobs())
                : views(cluster, member(cluster).unsettledSessionJobs());
    }

    private static List<TargetJob> views(String cluster, List<Job> jobs) {
        List<TargetJob> views = new ArrayList<>();
        for (Job job : jobs) {
            view(cluster, job).ifPresent(views::add);
        }
        return views;
    }

    /** The reconciler's view of {@code job}, empty if it names no session. */
    private static Optional<TargetJob> view(String cluster, Job job) {
        Optional<String> sessionId = SessionJobs.sessionId(job);
        if (sessionId.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> labels = job.getMetadata().getLabels();
        Optional<PodPhase> pod = JobPodStatus.podPhase(job);
        return Optional.of(new TargetJob(cluster, sessionId.get(), labels.getOrDefault(SessionJobs.OWNER, ""),
                labels.getOrDefault(SessionJobs.TEAM, ""),
                job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getSuspend()),
                job.getMetadata().getDeletionTimestamp() != null, MigrationAnnotations.of(job),
                Objects.toString(job.getMetadata().getResourceVersion(), ""), pod, SessionJobs.request(job)));
    }

    @Override
    public void create(String cluster, SessionSpec spec, MigrationRecord migration, boolean suspended) {
        Job job = SessionJobs.job(spec.withCheckpointGeneration(migration.checkpointGeneration()), migration.state(),
                migration.startedEpochMillis());
        job.getSpec().setSuspend(suspended);
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
