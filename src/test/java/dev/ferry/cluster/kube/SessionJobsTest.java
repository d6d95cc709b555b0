package dev.ferry.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.migrate.InvalidSessionSpecException;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A session is a Kubernetes Job with one long-lived pod that only the scheduler replaces")
class SessionJobsTest {

    private final SessionSpec spec = Sessions.jupyter("s-42");
    private final Job job = SessionJobs.job(spec, MigrationState.CREATING, Sessions.STARTED);

    private PodSpec pod() {
        return job.getSpec().getTemplate().getSpec();
    }

    private Container container() {
        return pod().getContainers().get(0);
    }

    @Nested
    @DisplayName("one pod per session, never silently replaced")
    class OnePod {

        @Test
        @DisplayName("parallelism 1, completions 1, backoffLimit 0, restartPolicy Never")
        void runsExactlyOnePodAndNeverRetries() {
            JobSpec s = job.getSpec();
            assertThat(s.getParallelism()).isEqualTo(1);
            assertThat(s.getCompletions()).isEqualTo(1);
            assertThat(s.getBackoffLimit()).isZero();
            assertThat(pod().getRestartPolicy()).isEqualTo("Never");
            assertThat(pod().getContainers()).hasSize(1);
        }

        @Test
        @DisplayName("no deadline, no TTL, no pod failure policy: the scheduler decides when a session ends")
        void noDeadlineNoTtl() {
            JobSpec s = job.getSpec();
            assertThat(s.getActiveDeadlineSeconds()).isNull();
            assertThat(s.getTtlSecondsAfterFinished()).isNull();
            assertThat(s.getPodFailurePolicy()).isNull();
            assertThat(s.getSuspend()).isNull();
        }

        @Test
        @DisplayName("is named session-<id> and runs the session's image")
        void nameAndImage() {
            assertThat(job.getApiVersion()).isEqualTo("batch/v1");
            assertThat(job.getKind()).isEqualTo("Job");
            assertThat(job.getMetadata().getName()).isEqualTo("session-s-42");
            assertThat(job.getMetadata().getNamespace()).isNull();
            assertThat(container().getName()).isEqualTo("session");
            assertThat(container().getImage()).isEqualTo("registry.example/notebooks/scipy:2026.11");
        }
    }

    @Nested
    @DisplayName("resources")
    class Resources {

        @Test
        @DisplayName("CPU and memory requests equal limits (1500 millicores, 8 GiB); no GPU asked, none given")
        void guaranteedQos() {
            Map<String, Quantity> requests = container().getResources().getRequests();
            Map<String, Quantity> limits = container().getResources().getLimits();
            assertThat(requests).isEqualTo(Map.of("cpu", new Quantity("1500m"), "memory", new Quantity("8Gi")));
            assertThat(limits).isEqualTo(requests);
            assertThat(pod().getTolerations()).isEmpty();
        }

        @Test
        @DisplayName("GPUs are an nvidia.com/gpu limit, with a toleration of the GPU nodes' taint")
        void gpus() {
            Job gpuJob = SessionJobs.job(Sessions.rstudioWithGpus("g-1"), MigrationState.CREATING, Sessions.STARTED);
            Container c = gpuJob.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getResources().getLimits())
                    .containsEntry("nvidia.com/gpu", new Quantity("2"))
                    .containsEntry("cpu", new Quantity("2"))
                    .containsEntry("memory", new Quantity("16Gi"));
            assertThat(c.getResources().getRequests()).doesNotContainKey("nvidia.com/gpu");
            Toleration t = gpuJob.getSpec().getTemplate().getSpec().getTolerations().get(0);
            assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
            assertThat(t.getOperator()).isEqualTo("Exists");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
        }
    }

    @Nested
    @DisplayName("the user's home")
    class Home {

        @Test
        @DisplayName("is the NFS export, mounted read-write at /home/<owner>, and HOME points there")
        void nfsHome() {
            Volume v = pod().getVolumes().get(0);
            assertThat(v.getName()).isEqualTo("home");
            assertThat(v.getNfs().getServer()).isEqualTo("nfs-1.storage.example");
            assertThat(v.getNfs().getPath()).isEqualTo("/export/home/alice");
            assertThat(v.getNfs().getReadOnly()).isNotEqualTo(Boolean.TRUE);
            assertThat(container().getVolumeMounts()).singleElement().satisfies(m -> {
                assertThat(m.getName()).isEqualTo("home");
                assertThat(m.getMountPath()).isEqualTo("/home/alice");
                assertThat(m.getReadOnly()).isNotEqualTo(Boolean.TRUE);
            });
            assertThat(container().getEnv()).anySatisfy(e -> {
                assertThat(e.getName()).isEqualTo("HOME");
                assertThat(e.getValue()).isEqualTo("/home/alice");
            });
        }
    }

    @Nested
    @DisplayName("what the in-session agent (ferry track) reads from its environment")
    class AgentEnvironment {

        private String value(Job j, String name) {
            return j.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals(name)).findFirst().map(e -> e.getValue()).orElse(null);
        }

        @Test
        @DisplayName("FERRY_SESSION_ID is the session's id, FERRY_INSTANCE the pod's own name (downward API)")
        void sessionAndInstance() {
            assertThat(value(job, "FERRY_SESSION_ID")).isEqualTo("s-42");
            assertThat(container().getEnv()).anySatisfy(e -> {
                assertThat(e.getName()).isEqualTo("FERRY_INSTANCE");
                assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
            });
        }

        @Test
        @DisplayName("FERRY_PLACE is the cluster the Job is created on, set once however often it is placed")
        void place() {
            Job placed = SessionJobs.placedOn(SessionJobs.placedOn(SessionJobs.job(spec, MigrationState.CREATING,
                    Sessions.STARTED), "k8s-a1"), "k8s-b1");
            assertThat(value(placed, "FERRY_PLACE")).isEqualTo("k8s-b1");
            assertThat(placed.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .filteredOn(e -> e.getName().equals("FERRY_PLACE")).hasSize(1);
            assertThat(value(job, "FERRY_PLACE")).as("not before it is placed").isNull();
        }
    }

    @Nested
    @DisplayName("labels and annotations")
    class Metadata {

        @Test
        @DisplayName("the Job and its pods carry Ferry's identity labels; the Job also its migration state, to select on")
        void labels() {
            Map<String, String> expected = Map.of("app.kubernetes.io/managed-by", "ferry", "ferry.dev/session", "s-42",
                    "ferry.dev/owner", "alice", "ferry.dev/team", "geo", "ferry.dev/kind", "jupyter");
            Map<String, String> onJob = new java.util.HashMap<>(expected);
            onJob.put("ferry.dev/migration-state", "creating");
            assertThat(job.getMetadata().getLabels()).isEqualTo(onJob);
            assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(expected);
            assertThat(SessionJobs.sessionId(job)).contains("s-42");
        }

        @Test
        @DisplayName("the Job carries the checkpoint generation and the migration's state and start")
        void annotations() {
            assertThat(job.getMetadata().getAnnotations()).isEqualTo(Map.of(
                    "ferry.dev/checkpoint-generation", "7",
                    "ferry.dev/migration-state", "creating",
                    "ferry.dev/migration-started", "1800000000000"));
        }
    }

    @Nested
    @DisplayName("as a manifest")
    class Manifest {

        private final KubernetesSerialization serialization = new KubernetesSerialization();

        @Test
        @DisplayName("survives YAML and back unchanged")
        void yamlRoundTrip() {
            Job gpuJob = SessionJobs.job(Sessions.rstudioWithGpus("g-1"), MigrationState.VERIFYING, 5);
            for (Job j : new Job[] {job, gpuJob}) {
                String yaml = serialization.asYaml(j);
                assertThat(yaml).contains("apiVersion: \"batch/v1\"").contains("kind: \"Job\"");
                assertThat(serialization.unmarshal(yaml, Job.class)).isEqualTo(j);
            }
        }

        @Test
        @DisplayName("is deterministic: the same spec gives an equal Job and the same YAML, byte for byte")
        void deterministic() {
            Job again = SessionJobs.job(Sessions.jupyter("s-42"), MigrationState.CREATING, Sessions.STARTED);
            assertThat(again).isEqualTo(job);
            assertThat(serialization.asYaml(again)).isEqualTo(serialization.asYaml(job));
        }
    }

    @Nested
    @DisplayName("an invalid spec")
    class Invalid {

        /** alice's valid spec as mutable fields, for a test to break one. */
        static final class Draft {
            String id = "s-42";
            String owner = "alice";
            String image = "registry.example/notebooks/scipy:2026.11";
            int cpuMillis = 1500;
            String nfsPath = "/export/home/alice";

            SessionSpec build() {
                return new SessionSpec(id, owner, "geo", SessionKind.JUPYTER, image,
                        dev.ferry.migrate.Resources.ofGiB(cpuMillis, 8, 0), "nfs-1.storage.example", nfsPath, 7);
            }
        }

        static Stream<Arguments> invalidSpecs() {
            return Stream.of(
                    invalid("upper-case id", d -> d.id = "S42", "session id 'S42' must be a DNS-1123 label part"),
                    invalid("id too long for session-<id>", d -> d.id = "a".repeat(56), "at most 55 characters"),
                    invalid("owner with an underscore", d -> d.owner = "al_ice", "owner 'al_ice' must be a DNS-1123"),
                    invalid("image with a space", d -> d.image = "scipy latest", "image 'scipy latest' must be"),
                    invalid("no CPU", d -> d.cpuMillis = 0, "cpu must be at least 1 millicore, got 0"),
                    invalid("relative NFS path", d -> d.nfsPath = "export/alice", "NFS path 'export/alice' must be"),
                    invalid("NFS path escaping its export", d -> d.nfsPath = "/export/../etc", "'/export/../etc'"));
        }

        private static Arguments invalid(String what, Consumer<Draft> change, String message) {
            return Arguments.of(what, change, message);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidSpecs")
        @DisplayName("is refused with a message naming the field")
        void refused(String what, Consumer<Draft> change, String message) {
            Draft draft = new Draft();
            assertThat(draft.build()).isEqualTo(spec);
            change.accept(draft);
            assertThatThrownBy(draft::build)
                    .isInstanceOf(InvalidSessionSpecException.class)
                    .hasMessageContaining(message);
        }

        @Test
        @DisplayName("reports every problem at once, not only the first")
        void everyProblem() {
            InvalidSessionSpecException e = catchThrowableOfType(InvalidSessionSpecException.class,
                    () -> new SessionSpec("ok", "Alice", "", null, "img", dev.ferry.migrate.Resources.ofGiB(1000, 0, 0),
                            "nfs_1", "/h", -2));
            assertThat(e.problems()).hasSize(6);
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("owner 'Alice'"))
                    .anySatisfy(p -> assertThat(p).startsWith("team ''"))
                    .anySatisfy(p -> assertThat(p).startsWith("kind is missing"))
                    .anySatisfy(p -> assertThat(p).isEqualTo("memory must be at least 1 GiB, got 0 GiB"))
                    .anySatisfy(p -> assertThat(p).startsWith("NFS server 'nfs_1'"))
                    .anySatisfy(p -> assertThat(p).isEqualTo("checkpoint generation must be 0 or more, got -2"));
            assertThat(e).hasMessageStartingWith("invalid session spec 'ok': owner 'Alice'");
        }
    }
}
