package dev.ferry.cluster.kube;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes Job that runs one session: one long-lived pod, never replaced behind the scheduler's back.
 *
 * <ul>
 *   <li>{@code parallelism: 1}, {@code completions: 1}: exactly one pod per session; two would be a session
 *       running twice.</li>
 *   <li>{@code backoffLimit: 0} and {@code restartPolicy: Never}: a pod that fails (OOM, node lost, image pull
 *       gone bad after start) is not silently replaced or restarted in place. The Job fails and the migration
 *       scheduler sees it and decides: retry on another cluster, or roll back to the source. A silent
 *       replacement would hide a disruption from the metrics and could race the rollback into a session
 *       running on both orchestrators. (podFailurePolicy is therefore not needed: no failure is retried.)</li>
 *   <li>No {@code activeDeadlineSeconds}: interactive sessions run as long as their users want.</li>
 *   <li>No {@code ttlSecondsAfterFinished}: the scheduler deletes finished Jobs itself, after it has read why
 *       they finished; a TTL could delete the evidence (and the migration state) before a crashed scheduler
 *       is back.</li>
 *   <li>CPU and memory requests equal limits (Guaranteed QoS): a kernel is not the first OOM victim on a busy
 *       node, and placement can count capacity exactly. GPUs as the {@code nvidia.com/gpu} extended resource
 *       (limits only; Kubernetes sets requests equal) plus a toleration of the usual GPU-node taint.</li>
 *   <li>The user's NFS home mounted at {@code /home/<owner>}, and {@code HOME} pointing there, so the session
 *       and its package tracker read and write the same home on every orchestrator.</li>
 * </ul>
 *
 * The migration state lives in the Job's annotations ({@link MigrationRecord}); the identity labels are on
 * both the Job and its pod template. Output is deterministic: the same inputs give an equal Job.
 */
public final class SessionJobs {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String FERRY = "ferry";
    public static final String SESSION = "ferry.dev/session";
    public static final String OWNER = "ferry.dev/owner";
    public static final String TEAM = "ferry.dev/team";
    public static final String KIND = "ferry.dev/kind";
    /** The label the Job controller puts on the Job's pods, valued with the Job's name. */
    public static final String JOB_NAME = "job-name";
    public static final String GPU = "nvidia.com/gpu";
    public static final String CONTAINER = "session";
    public static final String HOME_VOLUME = "home";
    /** The environment {@code ferry track} takes its session id, lease place and instance name from. */
    public static final String SESSION_ID_ENV = "FERRY_SESSION_ID";
    public static final String PLACE_ENV = "FERRY_PLACE";
    public static final String INSTANCE_ENV = "FERRY_INSTANCE";
    /** Job names are {@code session-<id>}. */
    public static final String JOB_NAME_PREFIX = "session-";
    private static final BigDecimal MIB = BigDecimal.valueOf(1L << 20);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private SessionJobs() {
    }

    /** {@code session-<id>}. */
    public static String jobName(String sessionId) {
        return JOB_NAME_PREFIX + sessionId;
    }

    /**
     * A Job that only names {@code jobName} in {@code namespace}: what a patch is addressed to. fabric8 reads the
     * object from the server before a patch unless it is given one ({@code resource(reference).patch(...)}), and
     * a merge patch needs nothing of it but the name; without it every patch cost a GET whose answer was dropped.
     */
    public static Job reference(String namespace, String jobName) {
        return new JobBuilder().withNewMetadata().withNamespace(namespace).withName(jobName).endMetadata().build();
    }

    /**
     * The label that mirrors the migration state annotation on the Job (same key, same value), so that a list can
     * leave out the sessions whose migration is done: {@code ferry.dev/migration-state!=done}.
     */
    public static final String MIGRATION_STATE = MigrationAnnotations.MIGRATION_STATE;

    /**
     * Whether the scheduler's passes between full ones must read {@code job}: its migration is not done (its state
     * label is not {@code done}, or it has none), or it is done and its pod failed ({@link JobPodStatus}), a session
     * running nowhere that waits to be started again. A label selector cannot see the Job's status, so lists filter
     * with this rule rather than with {@code ferry.dev/migration-state!=done} alone.
     */
    public static boolean unsettled(Job job) {
        Map<String, String> labels = job.getMetadata().getLabels();
        return labels == null || !MigrationState.DONE.wireName().equals(labels.get(MIGRATION_STATE))
                || JobPodStatus.podPhase(job).filter(PodPhase.FAILED::equals).isPresent();
    }

    /**
     * The body of a JSON merge patch that records {@code migration} on a session Job (annotations and the state
     * label) if the Job is still at {@code resourceVersion}, and sets {@code spec.suspend} unless it is null.
     */
    public static Map<String, Object> migrationPatch(MigrationRecord migration, String resourceVersion,
            Boolean suspend) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", resourceVersion);
        metadata.put("labels", Map.of(MIGRATION_STATE, migration.state().wireName()));
        metadata.put("annotations", MigrationAnnotations.toMap(migration));
        return suspend == null ? Map.of("metadata", metadata)
                : Map.of("metadata", metadata, "spec", Map.of("suspend", suspend));
    }

    /** The Job for {@code spec}, its migration in {@code state} since {@code startedEpochMillis}. */
    public static Job job(SessionSpec spec, MigrationState state, long startedEpochMillis) {
        Map<String, String> labels = labels(spec);
        Map<String, String> jobLabels = new LinkedHashMap<>(labels);
        jobLabels.put(MIGRATION_STATE, state.wireName());
        MigrationRecord migration = new MigrationRecord(spec.checkpointGeneration(), state,
                startedEpochMillis);
        return new JobBuilder()
                .withNewMetadata()
                    .withName(jobName(spec.sessionId()))
                    .withLabels(jobLabels)
                    .withAnnotations(MigrationAnnotations.toMap(migration))
                .endMetadata()
                .withNewSpec()
                    .withParallelism(1)
                    .withCompletions(1)
                    .withBackoffLimit(0)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withSpec(podSpec(spec))
                    .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * The same Job for the cluster it is created on: its session container's {@value #PLACE_ENV} names that cluster,
     * the place the in-session agent holds the session's lease for.
     */
    public static Job placedOn(Job job, String cluster) {
        for (Container c : job.getSpec().getTemplate().getSpec().getContainers()) {
            if (CONTAINER.equals(c.getName())) {
                c.getEnv().removeIf(e -> PLACE_ENV.equals(e.getName()));
                c.getEnv().add(new EnvVarBuilder().withName(PLACE_ENV)
                        .withValue(cluster).build());
            }
        }
        return job;
    }

    /** The identity labels of a session's Job and pods, in a fixed order. */
    public static Map<String, String> labels(SessionSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, FERRY);
        labels.put(SESSION, spec.sessionId());
        labels.put(OWNER, spec.owner());
        labels.put(TEAM, spec.team());
        labels.put(KIND, spec.kind().label());
        return labels;
    }

    /** The session id a Ferry Job (or pod) carries in its {@value #SESSION} label. */
    public static Optional<String> sessionId(HasMetadata resource) {
        if (resource.getMetadata() == null || resource.getMetadata().getLabels() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(resource.getMetadata().getLabels().get(SESSION));
    }

    private static PodSpec podSpec(SessionSpec spec) {
        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withContainers(container(spec))
                .withVolumes(new VolumeBuilder()
                        .withName(HOME_VOLUME)
                        .withNewNfs().withServer(spec.nfsServer()).withPath(spec.nfsPath()).endNfs()
                        .build());
        if (spec.resources().gpus() > 0) {
            pod.withTolerations(new TolerationBuilder()
                    .withKey(GPU).withOperator("Exists").withEffect("NoSchedule").build());
        }
        return pod.build();
    }

    private static Container container(SessionSpec spec) {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.image())
                .addNewEnv().withName("HOME").withValue(spec.homePath()).endEnv()
                .addNewEnv().withName(SESSION_ID_ENV).withValue(spec.sessionId()).endEnv()
                // the pod's own name: unique among the session's instances, and new with every pod
                .addNewEnv().withName(INSTANCE_ENV).withNewValueFrom().withNewFieldRef()
                    .withFieldPath("metadata.name").endFieldRef().endValueFrom().endEnv()
                .withResources(resources(spec))
                .addNewVolumeMount().withName(HOME_VOLUME).withMountPath(spec.homePath()).endVolumeMount()
                .build();
    }

    private static ResourceRequirements resources(SessionSpec spec) {
        Resources r = spec.resources();
        Quantity cpu = new Quantity(r.milliCpu() % 1000 == 0 ? Long.toString(r.milliCpu() / 1000) : r.milliCpu() + "m");
        Quantity memory = new Quantity(r.memoryMiB() % Resources.MIB_PER_GIB == 0
                ? r.memoryMiB() / Resources.MIB_PER_GIB + "Gi" : r.memoryMiB() + "Mi");
        ResourceRequirementsBuilder resources = new ResourceRequirementsBuilder()
                .addToRequests("cpu", cpu).addToRequests("memory", memory)
                .addToLimits("cpu", cpu).addToLimits("memory", memory);
        if (r.gpus() > 0) {
            resources.addToLimits(GPU, new Quantity(Integer.toString(r.gpus())));
        }
        return resources.build();
    }

    /**
     * What a Job's pod reserves: its containers' CPU, memory and GPU requests (limits where a request is not given;
     * session Jobs give both, equal), summed and rounded up to whole millicores, MiB and GPUs.
     */
    public static Resources request(Job job) {
        if (job.getSpec() == null || job.getSpec().getTemplate() == null
                || job.getSpec().getTemplate().getSpec() == null) {
            return Resources.NONE;
        }
        BigDecimal cpu = BigDecimal.ZERO;
        BigDecimal memory = BigDecimal.ZERO;
        BigDecimal gpus = BigDecimal.ZERO;
        for (Container c : job.getSpec().getTemplate().getSpec().getContainers()) {
            if (c.getResources() == null) {
                continue;
            }
            Map<String, Quantity> requests = Optional.ofNullable(c.getResources().getRequests()).orElse(Map.of());
            Map<String, Quantity> limits = Optional.ofNullable(c.getResources().getLimits()).orElse(Map.of());
            cpu = cpu.add(amount(requests, limits, "cpu"));
            memory = memory.add(amount(requests, limits, "memory"));
            gpus = gpus.add(amount(requests, limits, GPU));
        }
        return new Resources(cpu.multiply(THOUSAND).setScale(0, RoundingMode.CEILING).longValueExact(),
                memory.divide(MIB, 0, RoundingMode.CEILING).longValueExact(),
                gpus.setScale(0, RoundingMode.CEILING).intValueExact());
    }

    private static BigDecimal amount(Map<String, Quantity> requests, Map<String, Quantity> limits, String name) {
        Quantity q = requests.containsKey(name) ? requests.get(name) : limits.get(name);
        return q == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(q);
    }
}
