package dev.ferry.migrate.reconcile;

import dev.ferry.cluster.kube.Federation;
import dev.ferry.cluster.kube.KubeApiException;
import dev.ferry.cluster.kube.KubeCluster;
import dev.ferry.cluster.kube.MigrationAnnotations;
import dev.ferry.cluster.kube.PatchOutcome;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.PodPhase;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.cluster.kube.JobPodStatus;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TargetClusters} over the federation's {@link KubeCluster}s. One list call per cluster reads every session
 * Job, its migration state and, from the Job's status, where its pod stands ({@link JobPodStatus}). {@code spec.suspend} is not among
 * KubeCluster's calls, so suspending and unsuspending patch the Job through the cluster's fabric8 client (the same
 * client the KubeCluster uses, without retries), as one JSON merge patch of annotations and {@code spec.suspend}
 * guarded by the resourceVersion.
 */
public final class KubeTargets implements TargetClusters {

    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;

    private final Federation federation;
    private final Map<String, KubernetesClient> clients;

    /** @param clients each member's client, by cluster name */
    public KubeTargets(Federation federation, Map<String, KubernetesClient> clients) {
        this.federation = Objects.requireNonNull(federation, "federation");
        this.clients = Map.copyOf(clients);
        for (Federation.Member m : federation.members()) {
            if (!this.clients.containsKey(m.name())) {
                throw new IllegalArgumentException("no client for cluster " + m.name());
            }
        }
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
        KubeCluster kube = member(cluster);
        if (suspend == null) {
            PatchOutcome outcome = kube.patchMigration(sessionId, migration, resourceVersion);
            if (outcome instanceof PatchOutcome.Patched) {
                return PatchResult.PATCHED;
            }
            return outcome instanceof PatchOutcome.Conflict ? PatchResult.CONFLICT : PatchResult.NOT_FOUND;
        }
        KubernetesClient client = clients.get(cluster);
        String body = client.getKubernetesSerialization()
                .asJson(SessionJobs.migrationPatch(migration, resourceVersion, suspend));
        String jobName = SessionJobs.jobName(sessionId);
        try {
            client.batch().v1().jobs().inNamespace(kube.namespace())
                    .resource(SessionJobs.reference(kube.namespace(), jobName))
                    .patch(PatchContext.of(PatchType.JSON_MERGE), body);
            return PatchResult.PATCHED;
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT) {
                return PatchResult.CONFLICT;
            }
            if (e.getCode() == NOT_FOUND) {
                return PatchResult.NOT_FOUND;
            }
            throw new KubeApiException(cluster, (suspend ? "suspend" : "unsuspend") + " job " + jobName,
                    Math.max(e.getCode(), KubeApiException.NO_RESPONSE), e.getMessage(), null, e);
        }
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
