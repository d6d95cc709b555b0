package dev.ferry.cluster.kube;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.Names;
import dev.ferry.migrate.PodPhase;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes cluster of the federation, seen through one fabric8 client and one namespace: the few calls
 * the migration scheduler makes on session Jobs. It keeps no state of its own, decides nothing and never waits:
 * a refused call comes back as a value ({@link CreateOutcome}, {@link PatchOutcome}) or as a
 * {@link KubeApiException} carrying the HTTP status, which the reconciler retries on its own clock.
 *
 * <p>The client must not retry by itself (see {@link KubeClients}); the constructor refuses one that does.
 */
public final class KubeCluster {

    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;

    private final String name;
    private final KubernetesClient client;
    private final String namespace;

    /** What a namespace name must be, for messages. */
    public static final String NAMESPACE_RULE = "a DNS-1123 label: at most " + Names.LABEL_MAX + " "
            + Names.LABEL_RULE;

    /** Whether {@code namespace} is a valid namespace name, for callers that check their input first. */
    public static boolean isNamespace(String namespace) {
        return Names.isLabel(namespace, Names.LABEL_MAX);
    }

    /**
     * @param name      the cluster's name in the federation (a DNS-1123 label)
     * @param client    a client for it, without fabric8's own request retries ({@link KubeClients})
     * @param namespace the namespace of session Jobs (a DNS-1123 label)
     */
    public KubeCluster(String name, KubernetesClient client, String namespace) {
        if (!Names.isLabel(name, Names.LABEL_MAX)) {
            throw new IllegalArgumentException("cluster name " + Names.quote(name) + " must be a DNS-1123 label ("
                    + Names.LABEL_RULE + ")");
        }
        if (!Names.isLabel(namespace, Names.LABEL_MAX)) {
            throw new IllegalArgumentException("cluster " + name + ": namespace " + Names.quote(namespace)
                    + " must be a DNS-1123 label (" + Names.LABEL_RULE + ")");
        }
        Objects.requireNonNull(client, "client");
        if (KubeClients.retriesByItself(client)) {
            throw new IllegalArgumentException("cluster " + name + ": the client retries failed requests by itself ("
                    + "requestRetryBackoffLimit " + client.getConfiguration().getRequestRetryBackoffLimit()
                    + "), which hides API errors from the scheduler and waits in real time; build it with "
                    + "KubeClients.create or KubeClients.withoutRetries");
        }
        this.name = name;
        this.client = client;
        this.namespace = namespace;
    }

    public String name() {
        return name;
    }

    /** The URL of its API server, for messages. */
    public String server() {
        return client.getConfiguration().getMasterUrl();
    }

    public String namespace() {
        return namespace;
    }

    /**
     * Creates a session Job built by {@link SessionJobs}. Idempotent: if a Job of that name already exists
     * (an earlier attempt, perhaps by a scheduler that crashed since), returns it unchanged with
     * {@code created == false}; the caller compares it with what it wanted.
     *
     * @throws KubeApiException if the API refused or did not answer
     */
    public CreateOutcome createSessionJob(Job job) {
        String jobName = requireSessionJob(job);
        String operation = "create job " + jobName;
        try {
            return new CreateOutcome(jobs().resource(job).create(), true);
        } catch (KubernetesClientException e) {
            if (e.getCode() != CONFLICT) {
                throw KubeApiException.of(name, operation, e);
            }
            Job existing = get(jobName, operation);
            if (existing == null) {
                // created and deleted by someone else in between: the next attempt will see which
                throw new KubeApiException(name, operation, CONFLICT, true,
                        "it already existed but was gone when read back", null, e);
            }
            return new CreateOutcome(existing, false);
        }
    }

    /** The Job of session {@code sessionId}, if it exists. */
    public Optional<Job> sessionJob(String sessionId) {
        String jobName = SessionJobs.jobName(sessionId);
        return Optional.ofNullable(get(jobName, "get job " + jobName));
    }

    /** Every Ferry-managed Job in the namespace ({@code app.kubernetes.io/managed-by=ferry}), by name. */
    public List<Job> sessionJobs() {
        return sessionJobs(false);
    }

    /**
     * The Ferry-managed Jobs that move ({@link SessionJobs#unsettled}: the migration not done, or done with a failed
     * pod), by name. A label selector cannot choose by the Job's status, so this lists every Ferry-managed Job and
     * filters: a one-shot look. A scheduler that runs reads them from its {@link JobCache} and sends no list.
     */
    public List<Job> unsettledSessionJobs() {
        return sessionJobs(true);
    }

    private List<Job> sessionJobs(boolean unsettledOnly) {
        try {
            JobList list = jobs().withLabel(SessionJobs.MANAGED_BY, SessionJobs.FERRY).list();
            return list.getItems().stream()
                    .filter(j -> !unsettledOnly || SessionJobs.unsettled(j))
                    .sorted(Comparator.comparing(j -> j.getMetadata().getName()))
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubeApiException.of(name, "list session jobs", e);
        }
    }

    /**
     * Writes {@code migration} into the session Job's annotations if the Job is still at
     * {@code resourceVersion} (a JSON merge patch carrying the resourceVersion as a precondition, so the API
     * server refuses it if anyone wrote in between). Other annotations and labels are left alone.
     *
     * @return {@link PatchOutcome.Patched} with the updated Job, {@link PatchOutcome.Conflict} if the Job
     *         changed since (requeue), or {@link PatchOutcome.NotFound}
     * @throws KubeApiException for any other refusal
     */
    public PatchOutcome patchMigration(String sessionId, MigrationRecord migration, String resourceVersion) {
        return patchMigration(sessionId, migration, null, resourceVersion);
    }

    /**
     * As {@link #patchMigration(String, MigrationRecord, String)}, and in the same guarded patch sets the Job's
     * {@code spec.suspend} to {@code suspend} (true: its pod is removed; false: it may start one) unless that is null.
     */
    public PatchOutcome patchMigration(String sessionId, MigrationRecord migration, Boolean suspend,
            String resourceVersion) {
        if (resourceVersion == null || resourceVersion.isBlank()) {
            throw new IllegalArgumentException("a resourceVersion is required: the patch must not overwrite "
                    + "a change it has not seen");
        }
        String jobName = SessionJobs.jobName(sessionId);
        String body = client.getKubernetesSerialization()
                .asJson(SessionJobs.migrationPatch(migration, resourceVersion, suspend));
        try {
            Job patched = jobs().resource(SessionJobs.reference(namespace, jobName))
                    .patch(PatchContext.of(PatchType.JSON_MERGE), body);
            return new PatchOutcome.Patched(patched);
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT) {
                return new PatchOutcome.Conflict(sessionId, resourceVersion, e.getMessage());
            }
            if (e.getCode() == NOT_FOUND) {
                return new PatchOutcome.NotFound(sessionId);
            }
            String what = suspend == null ? "patch" : suspend ? "suspend" : "unsuspend";
            throw KubeApiException.of(name, what + " job " + jobName, e);
        }
    }

    /**
     * Deletes the session Job with foreground propagation: the Job stays visible (with a deletionTimestamp)
     * until its pod is gone, so "no Job" means "no session running here".
     *
     * @return whether there was a Job to delete
     */
    public boolean deleteSessionJob(String sessionId) {
        String jobName = SessionJobs.jobName(sessionId);
        try {
            return !jobs().withName(jobName).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete().isEmpty();
        } catch (KubernetesClientException e) {
            throw KubeApiException.of(name, "delete job " + jobName, e);
        }
    }

    /**
     * The pod of session {@code sessionId} (label {@code job-name=session-<id>}), terminating ones included. A
     * Job of Ferry's has at most one; should there be several (a deleted Job's pod still terminating while a new
     * Job's starts), the newest.
     */
    public Optional<SessionPod> sessionPod(String sessionId) {
        String jobName = SessionJobs.jobName(sessionId);
        try {
            return newest(client.pods().inNamespace(namespace).withLabel(SessionJobs.JOB_NAME, jobName).list()
                    .getItems());
        } catch (KubernetesClientException e) {
            throw KubeApiException.of(name, "list pods of job " + jobName, e);
        }
    }

    private static Optional<SessionPod> newest(List<Pod> pods) {
        return pods.stream()
                .max(Comparator.comparing((Pod p) -> Objects.toString(p.getMetadata().getCreationTimestamp(), ""))
                        .thenComparing(p -> p.getMetadata().getName()))
                .map(p -> new SessionPod(p.getMetadata().getName(),
                        JobPodStatus.fromApi(p.getStatus() == null ? null : p.getStatus().getPhase()),
                        p.getMetadata().getDeletionTimestamp() != null, unschedulable(p)));
    }

    /** Whether the pod carries {@code PodScheduled=False} for reason {@code Unschedulable}. */
    private static boolean unschedulable(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "PodScheduled".equals(c.getType())
                        && "False".equals(c.getStatus()) && SessionPod.UNSCHEDULABLE.equals(c.getReason()));
    }

    /** The phase of the session's pod; empty when it has none. */
    public Optional<PodPhase> sessionPodPhase(String sessionId) {
        return sessionPod(sessionId).map(SessionPod::phase);
    }

    @Override
    public String toString() {
        return "KubeCluster[" + name + ", namespace " + namespace + "]";
    }

    private Job get(String jobName, String operation) {
        try {
            return jobs().withName(jobName).get();
        } catch (KubernetesClientException e) {
            throw KubeApiException.of(name, operation, e);
        }
    }

    private NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs() {
        return client.batch().v1().jobs().inNamespace(namespace);
    }

    private static String requireSessionJob(Job job) {
        Objects.requireNonNull(job, "job");
        String jobName = job.getMetadata() == null ? null : job.getMetadata().getName();
        Optional<String> sessionId = SessionJobs.sessionId(job);
        if (sessionId.isEmpty() || !SessionJobs.jobName(sessionId.get()).equals(jobName)) {
            throw new IllegalArgumentException("not a session Job of Ferry's (build it with SessionJobs.job): "
                    + Names.quote(jobName));
        }
        return jobName;
    }
}
