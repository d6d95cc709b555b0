package dev.ferry.cluster.kube;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.testing.MockClusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * KubeCluster against real fabric8 mock API servers in CRUD mode, one per cluster, over HTTP on 127.0.0.1.
 * The servers live for the whole class; each test works in a namespace of its own, so tests do not see each
 * other's Jobs.
 */
@DisplayName("A KubeCluster manages session Jobs on its own cluster and reports refusals as values")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeClusterTest {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    private KubernetesMockServer serverA;
    private KubernetesMockServer serverB;
    private KubernetesMockServer scripted;
    private KubernetesClient clientA;
    private KubernetesClient clientB;
    private KubernetesClient clientScripted;

    private String namespace;
    private KubeCluster a;
    private KubeCluster b;

    @BeforeAll
    void startServers() {
        serverA = MockClusters.crud();
        serverB = MockClusters.crud();
        scripted = MockClusters.mixed();
        clientA = MockClusters.client(serverA);
        clientB = MockClusters.client(serverB);
        clientScripted = MockClusters.client(scripted);
    }

    @AfterAll
    void stopServers() {
        for (KubernetesClient c : new KubernetesClient[] {clientA, clientB, clientScripted}) {
            if (c != null) {
                c.close();
            }
        }
        for (KubernetesMockServer s : new KubernetesMockServer[] {serverA, serverB, scripted}) {
            if (s != null) {
                s.destroy();
            }
        }
    }

    @BeforeEach
    void freshNamespace() {
        namespace = "t" + NAMESPACES.incrementAndGet();
        a = new KubeCluster("a", clientA, namespace);
        b = new KubeCluster("b", clientB, namespace);
    }

    private static Job job(String sessionId) {
        return SessionJobs.job(Sessions.jupyter(sessionId), MigrationState.CREATING, Sessions.STARTED);
    }

    private static List<String> names(List<Job> jobs) {
        return jobs.stream().map(j -> j.getMetadata().getName()).toList();
    }

    @Nested
    @DisplayName("creating a session Job")
    class Creating {

        @Test
        @DisplayName("puts it on its own cluster only: listed on A, not on B")
        void onItsOwnCluster() {
            CreateOutcome outcome = a.createSessionJob(job("s-1"));
            assertThat(outcome.created()).isTrue();
            assertThat(outcome.job().getMetadata().getResourceVersion()).isNotBlank();
            assertThat(names(a.sessionJobs())).containsExactly("session-s-1");
            assertThat(b.sessionJobs()).isEmpty();
            assertThat(a.sessionJob("s-1")).isPresent();
            assertThat(b.sessionJob("s-1")).isEmpty();
        }

        @Test
        @DisplayName("is idempotent: a second create returns the existing Job unchanged")
        void idempotent() {
            Job first = a.createSessionJob(job("s-1")).job();
            // a crashed scheduler retrying with a newer checkpoint generation gets the Job that is there
            Job retry = SessionJobs.job(Sessions.jupyter("s-1").withCheckpointGeneration(8), MigrationState.CREATING,
                    Sessions.STARTED + 60_000);
            CreateOutcome again = a.createSessionJob(retry);
            assertThat(again.created()).isFalse();
            assertThat(again.job().getMetadata().getResourceVersion())
                    .isEqualTo(first.getMetadata().getResourceVersion());
            assertThat(again.job().getMetadata().getAnnotations())
                    .containsEntry("ferry.dev/checkpoint-generation", "7");
            assertThat(a.sessionJobs()).hasSize(1);
        }

        @Test
        @DisplayName("refuses a Job that is not a Ferry session Job")
        void refusesForeignJobs() {
            Job foreign = new JobBuilder().withNewMetadata().withName("backup").endMetadata().build();
            assertThatThrownBy(() -> a.createSessionJob(foreign)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'backup'");
        }
    }

    @Nested
    @DisplayName("reading")
    class Reading {

        @Test
        @DisplayName("lists only Ferry's Jobs, by name")
        void listsOnlyFerrysJobs() {
            a.createSessionJob(job("s-2"));
            a.createSessionJob(job("s-1"));
            clientA.batch().v1().jobs().inNamespace(namespace).resource(new JobBuilder()
                    .withNewMetadata().withName("backup").addToLabels("app", "backup").endMetadata()
                    .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never").endSpec().endTemplate()
                    .endSpec().build()).create();
            assertThat(names(a.sessionJobs())).containsExactly("session-s-1", "session-s-2");
        }

        @Test
        @DisplayName("finds the session's pod by its job-name label and reads its phase")
        void podPhase() {
            a.createSessionJob(job("s-1"));
            assertThat(a.sessionPodPhase("s-1")).isEmpty();
            clientA.pods().inNamespace(namespace).resource(new PodBuilder()
                    .withNewMetadata().withName("session-s-1-x7k2p").addToLabels("job-name", "session-s-1")
                    .endMetadata()
                    .withNewStatus().withPhase("Running").endStatus().build()).create();
            assertThat(a.sessionPodPhase("s-1")).contains(PodPhase.RUNNING);
            assertThat(a.sessionPod("s-1")).contains(new SessionPod("session-s-1-x7k2p", PodPhase.RUNNING, false));
            assertThat(b.sessionPodPhase("s-1")).isEmpty();
        }
    }

    @Nested
    @DisplayName("patching the migration annotations")
    class Patching {

        @Test
        @DisplayName("at the current resourceVersion writes them, mirrors the state in its label, leaves the other labels")
        void patches() {
            Job created = a.createSessionJob(job("s-1")).job();
            MigrationRecord next = new MigrationRecord(7, MigrationState.STARTING, Sessions.STARTED);
            PatchOutcome outcome = a.patchMigration("s-1", next, created.getMetadata().getResourceVersion());
            assertThat(outcome).isInstanceOf(PatchOutcome.Patched.class);
            Job stored = a.sessionJob("s-1").orElseThrow();
            assertThat(MigrationAnnotations.of(stored)).isEqualTo(new MigrationRecord.Valid(next));
            assertThat(stored.getMetadata().getResourceVersion())
                    .isNotEqualTo(created.getMetadata().getResourceVersion());
            java.util.Map<String, String> expected = new java.util.HashMap<>(created.getMetadata().getLabels());
            expected.put(SessionJobs.MIGRATION_STATE, "starting");
            assertThat(stored.getMetadata().getLabels()).isEqualTo(expected);
            assertThat(a.unsettledSessionJobs()).extracting(j -> j.getMetadata().getName()).contains("session-s-1");
            a.patchMigration("s-1", next.withState(MigrationState.DONE), stored.getMetadata().getResourceVersion());
            assertThat(a.unsettledSessionJobs()).extracting(j -> j.getMetadata().getName())
                    .doesNotContain("session-s-1");
            assertThat(a.sessionJobs()).extracting(j -> j.getMetadata().getName()).contains("session-s-1");
            assertThat(((PatchOutcome.Patched) outcome).job().getMetadata().getResourceVersion())
                    .isEqualTo(stored.getMetadata().getResourceVersion());
        }

        @Test
        @DisplayName("at a stale resourceVersion is a conflict and writes nothing")
        void staleIsConflict() {
            Job created = a.createSessionJob(job("s-1")).job();
            String stale = created.getMetadata().getResourceVersion();
            a.patchMigration("s-1", new MigrationRecord(7, MigrationState.STARTING, Sessions.STARTED), stale);
            PatchOutcome outcome = a.patchMigration("s-1",
                    new MigrationRecord(7, MigrationState.ROLLING_BACK, Sessions.STARTED), stale);
            assertThat(outcome).isInstanceOfSatisfying(PatchOutcome.Conflict.class, c -> {
                assertThat(c.sessionId()).isEqualTo("s-1");
                assertThat(c.staleResourceVersion()).isEqualTo(stale);
            });
            assertThat(a.sessionJob("s-1").orElseThrow().getMetadata().getAnnotations())
                    .containsEntry("ferry.dev/migration-state", "starting");
        }

        @Test
        @DisplayName("is one PATCH request: the Job is not read first")
        void onePatchRequest() throws InterruptedException {
            Job created = a.createSessionJob(job("s-1")).job();
            while (serverA.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS) != null) {
                // drain what came before
            }
            a.patchMigration("s-1", new MigrationRecord(7, MigrationState.STARTING, Sessions.STARTED),
                    created.getMetadata().getResourceVersion());
            List<String> requests = new java.util.ArrayList<>();
            for (var r = serverA.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS); r != null;
                    r = serverA.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                requests.add(r.getMethod() + " " + r.getPath());
            }
            assertThat(requests).containsExactly("PATCH /apis/batch/v1/namespaces/" + namespace
                    + "/jobs/session-s-1");
        }

        @Test
        @DisplayName("of a Job that is not there is NotFound")
        void missing() {
            assertThat(a.patchMigration("s-9", new MigrationRecord(1, MigrationState.DONE, 1), "1"))
                    .isEqualTo(new PatchOutcome.NotFound("s-9"));
        }
    }

    @Nested
    @DisplayName("deleting")
    class Deleting {

        @Test
        @DisplayName("removes the Job; deleting again finds nothing")
        void deletes() {
            a.createSessionJob(job("s-1"));
            assertThat(a.deleteSessionJob("s-1")).isTrue();
            assertThat(a.sessionJob("s-1")).isEmpty();
            assertThat(a.sessionJobs()).isEmpty();
            assertThat(a.deleteSessionJob("s-1")).isFalse();
        }
    }

    @Nested
    @DisplayName("API errors")
    class ApiErrors {

        private KubeCluster c;

        @BeforeEach
        void scriptedCluster() {
            c = new KubeCluster("c", clientScripted, namespace);
        }

        private Status status(int code, String reason, Integer retryAfter) {
            return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
                    .withMessage(reason + " (scripted)").withNewDetails().withRetryAfterSeconds(retryAfter).endDetails()
                    .build();
        }

        @Test
        @DisplayName("a 429 surfaces as a retryable error with its code; the same call then succeeds")
        void tooManyRequestsThenOk() {
            c.createSessionJob(job("s-1"));
            scripted.expect().get().withPath("/apis/batch/v1/namespaces/" + namespace + "/jobs/session-s-1")
                    .andReturn(429, status(429, "TooManyRequests", 2)).once();
            KubeApiException e = catchThrowableOfType(KubeApiException.class, () -> c.sessionJob("s-1"));
            assertThat(e.code()).isEqualTo(429);
            assertThat(e.retryable()).isTrue();
            assertThat(e.cluster()).isEqualTo("c");
            assertThat(e.operation()).isEqualTo("get job session-s-1");
            assertThat(e.retryAfterSeconds()).hasValue(2);
            assertThat(e).hasMessageContaining("HTTP 429");
            // the expectation was answered once; the CRUD store answers the retry
            assertThat(c.sessionJob("s-1")).isPresent();
        }

        @Test
        @DisplayName("a 503 on list is retryable too")
        void serviceUnavailable() {
            String list = "/apis/batch/v1/namespaces/" + namespace + "/jobs";
            scripted.expect().get().withPath(list + "?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dferry")
                    .andReturn(503, status(503, "ServiceUnavailable", null)).once();
            KubeApiException e = catchThrowableOfType(KubeApiException.class, () -> c.sessionJobs());
            assertThat(e.code()).isEqualTo(503);
            assertThat(e.retryable()).isTrue();
            assertThat(c.sessionJobs()).isEmpty();
        }

        @Test
        @DisplayName("a 403 is not retryable")
        void forbidden() {
            scripted.expect().post().withPath("/apis/batch/v1/namespaces/" + namespace + "/jobs")
                    .andReturn(403, status(403, "Forbidden", null)).once();
            KubeApiException e = catchThrowableOfType(KubeApiException.class, () -> c.createSessionJob(job("s-1")));
            assertThat(e.code()).isEqualTo(403);
            assertThat(e.retryable()).isFalse();
        }

        @Test
        @DisplayName("a create that conflicts with a Job gone when read back is a retryable 409")
        void createRace() {
            scripted.expect().post().withPath("/apis/batch/v1/namespaces/" + namespace + "/jobs")
                    .andReturn(409, status(409, "AlreadyExists", null)).once();
            KubeApiException e = catchThrowableOfType(KubeApiException.class, () -> c.createSessionJob(job("s-1")));
            assertThat(e.code()).isEqualTo(409);
            assertThat(e.retryable()).isTrue();
            assertThat(c.createSessionJob(job("s-1")).created()).isTrue();
        }

        @Test
        @DisplayName("a cluster that does not answer is retryable, with no status code")
        void unreachable() {
            KubernetesMockServer down = MockClusters.crud();
            try (KubernetesClient client = MockClusters.client(down)) {
                KubeCluster gone = new KubeCluster("d", client, namespace);
                down.destroy();
                KubeApiException e = catchThrowableOfType(KubeApiException.class, () -> gone.sessionJob("s-1"));
                assertThat(e.code()).isEqualTo(KubeApiException.NO_RESPONSE);
                assertThat(e.retryable()).isTrue();
                assertThat(e).hasMessageContaining("without an answer");
            }
        }

        @Test
        @DisplayName("a client that retries by itself is refused: it would hide these errors and wait in real time")
        void refusesRetryingClients() {
            try (KubernetesClient retrying = scripted.createClient(
                    bld -> bld.editOrNewConfig().withRequestRetryBackoffLimit(3).endConfig())) {
                assertThatThrownBy(() -> new KubeCluster("c", retrying, namespace))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("KubeClients");
            }
        }
    }
}
