package dev.ferry.migrate.reconcile;

import dev.ferry.cluster.kube.Capacity;
import dev.ferry.cluster.kube.Federation;
import dev.ferry.cluster.kube.KubeApiException;
import dev.ferry.cluster.kube.KubeCluster;
import dev.ferry.cluster.kube.MigrationAnnotations;
import dev.ferry.cluster.kube.PatchOutcome;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.PodPhase;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.cluster.kube.JobPodStatus;
import dev.ferry.cluster.kube.SessionSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

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
    public List<ClusterInfo> clusters() {
        return federation.members().stream().map(m -> new ClusterInfo(m.name(), m.zone(), m.capacity(),
                m.gpuNodes())).toList();
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
                    Objects.toString(job.getMetadata().getResourceVersion(), ""), pod, request(job)));
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

    /** What the Job's containers reserve (limits; requests equal them for session Jobs). */
    static Capacity request(Job job) {
        long cpuMillis = 0;
        long memoryGiB = 0;
        long gpus = 0;
        if (job.getSpec() == null || job.getSpec().getTemplate() == null
                || job.getSpec().getTemplate().getSpec() == null) {
            return Capacity.ZERO;
        }
        for (Container c : job.getSpec().getTemplate().getSpec().getContainers()) {
            if (c.getResources() == null || c.getResources().getLimits() == null) {
                continue;
            }
            Map<String, Quantity> limits = c.getResources().getLimits();
            if (limits.containsKey("cpu")) {
                cpuMillis += Quantity.getAmountInBytes(limits.get("cpu")).multiply(BigDecimal.valueOf(1000))
                        .setScale(0, RoundingMode.CEILING).longValueExact();
            }
            if (limits.containsKey("memory")) {
                memoryGiB += Quantity.getAmountInBytes(limits.get("memory")).divide(GIB, 0, RoundingMode.CEILING)
                        .longValueExact();
            }
            if (limits.containsKey(SessionJobs.GPU)) {
                gpus += Quantity.getAmountInBytes(limits.get(SessionJobs.GPU)).setScale(0, RoundingMode.CEILING)
                        .longValueExact();
            }
        }
        return new Capacity(cpuMillis, memoryGiB, gpus);
    }
}
