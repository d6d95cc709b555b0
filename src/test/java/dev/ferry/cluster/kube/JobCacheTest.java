package dev.ferry.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.TargetClusterException;
import dev.ferry.migrate.reconcile.TargetJob;
import dev.ferry.testing.MockClusters;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JobCache: a cluster's session Jobs by list-then-watch, read as a list would read them")
class JobCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TargetCluster EAST = new TargetCluster("east", "zone-a", Resources.ofGiB(8000, 32, 0));

    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;
    private KubeCluster east;
    private KubeTargets listing;

    @BeforeEach
    void start() {
        server = MockClusters.crud();
        client = MockClusters.client(server);
        east = new KubeCluster("east", client, "sessions");
        listing = new KubeTargets(federation());
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    @DisplayName("after creates, patches and a delete, the cache reads every Job and the unsettled ones as a list")
    void readsWhatAListReads() {
        try (JobCache cache = JobCache.start("east", client, "sessions")) {
            KubeTargets cached = new KubeTargets(federation(), Map.of("east", cache));
            cache.awaitCaughtUp(0, WAIT);
            assertThat(cached.jobs("east")).isEmpty();

            for (String id : List.of("s1", "s2", "s3", "s4")) {
                listing.createSuspended("east", Sessions.jupyter(id), record(MigrationState.STOPPING_SOURCE));
            }
            TargetJob s2 = job("s2");
            east.patchMigration("s2", record(MigrationState.DONE), false, s2.resourceVersion());
            listing.delete("east", "s3");
            // the delete's event comes before the next write's on the same watch: having seen this one, it saw both
            long last = version(east.createSessionJob(SessionJobs.job(Sessions.jupyter("s5"),
                    MigrationState.STOPPING_SOURCE, Sessions.STARTED)).job());
            cache.awaitCaughtUp(last, WAIT);

            assertThat(cached.jobs("east")).isEqualTo(listing.jobs("east"))
                    .extracting(TargetJob::sessionId).containsExactly("s1", "s2", "s4", "s5");
            assertThat(cached.unsettledJobs("east")).isEqualTo(listing.unsettledJobs("east"))
                    .extracting(TargetJob::sessionId).containsExactly("s1", "s4", "s5");
        }
    }

    @Test
    @DisplayName("a done Job whose pod failed is unsettled, read as such from the cache and from a list: the passes"
            + " between full ones see the session that runs nowhere and start it again")
    void doneWithAFailedPodIsUnsettled() {
        try (JobCache cache = JobCache.start("east", client, "sessions")) {
            KubeTargets cached = new KubeTargets(federation(), Map.of("east", cache));
            for (String id : List.of("s1", "s2")) {
                listing.createSuspended("east", Sessions.jupyter(id), record(MigrationState.STOPPING_SOURCE));
                east.patchMigration(id, record(MigrationState.DONE), false, job(id).resourceVersion());
            }
            cache.awaitCaughtUp(Long.parseLong(job("s2").resourceVersion()), WAIT);
            assertThat(cached.unsettledJobs("east")).as("both done, no pod failed yet").isEmpty();
            // the Job controller's count once s2's pod failed (its node was lost); s1's pod still runs
            client.batch().v1().jobs().inNamespace("sessions").withName(SessionJobs.jobName("s1")).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"ready\":1,\"active\":1}}");
            Job failed = client.batch().v1().jobs().inNamespace("sessions").withName(SessionJobs.jobName("s2"))
                    .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"status\":{\"failed\":1}}");
            cache.awaitCaughtUp(version(failed), WAIT);

            assertThat(listing.unsettledJobs("east")).extracting(TargetJob::sessionId).containsExactly("s2");
            assertThat(cached.unsettledJobs("east")).isEqualTo(listing.unsettledJobs("east"));
            assertThat(cached.jobs("east")).extracting(TargetJob::sessionId).containsExactly("s1", "s2");
        }
    }

    @Test
    @DisplayName("reads between two changes give the same Jobs without sorting or reading them again; after a change"
            + " the changed Job is read anew and the others are kept")
    void readsAgainOnlyWhatChanged() {
        try (JobCache cache = JobCache.start("east", client, "sessions")) {
            KubeTargets cached = new KubeTargets(federation(), Map.of("east", cache));
            createOutOfNameOrder(cache);
            List<Job> jobs = cache.sessionJobs();
            List<TargetJob> before = cached.jobs("east");
            assertThat(cache.sessionJobs()).isSameAs(jobs);
            assertThat(cache.unsettledSessionJobs()).isSameAs(cache.unsettledSessionJobs()).hasSize(3);
            assertThat(cached.jobs("east")).isSameAs(before).extracting(TargetJob::sessionId)
                    .containsExactly("s1", "s2", "s3");

            long patched = version(((PatchOutcome.Patched) east.patchMigration("s2", record(MigrationState.DONE),
                    false, job("s2").resourceVersion())).job());
            cache.awaitCaughtUp(patched, WAIT);
            List<TargetJob> after = cached.jobs("east");
            assertThat(after).isEqualTo(listing.jobs("east"));
            assertThat(after.get(1).state()).contains(MigrationState.DONE);
            assertThat(after.get(0)).isSameAs(before.get(0));
            assertThat(after.get(2)).isSameAs(before.get(2));
            assertThat(cached.unsettledJobs("east")).isEqualTo(listing.unsettledJobs("east"))
                    .extracting(TargetJob::sessionId).containsExactly("s1", "s3");
        }
    }

    @Test
    @DisplayName("a Job gone and another come between two reads, as many Jobs as before, read in name order as a list"
            + " reads them; a patch after that keeps the order")
    void sortsAgainWhenTheNamesChange() {
        try (JobCache cache = JobCache.start("east", client, "sessions")) {
            KubeTargets cached = new KubeTargets(federation(), Map.of("east", cache));
            createOutOfNameOrder(cache);
            assertThat(cached.jobs("east")).extracting(TargetJob::sessionId).containsExactly("s1", "s2", "s3");

            listing.delete("east", "s3");
            long created = version(east.createSessionJob(SessionJobs.job(Sessions.jupyter("s0"),
                    MigrationState.STOPPING_SOURCE, Sessions.STARTED)).job());
            cache.awaitCaughtUp(created, WAIT);
            assertThat(cached.jobs("east")).isEqualTo(listing.jobs("east"))
                    .extracting(TargetJob::sessionId).containsExactly("s0", "s1", "s2");

            long patched = version(((PatchOutcome.Patched) east.patchMigration("s1", record(MigrationState.DONE),
                    false, job("s1").resourceVersion())).job());
            cache.awaitCaughtUp(patched, WAIT);
            assertThat(cached.jobs("east")).isEqualTo(listing.jobs("east"))
                    .extracting(TargetJob::sessionId).containsExactly("s0", "s1", "s2");
            assertThat(cached.unsettledJobs("east")).isEqualTo(listing.unsettledJobs("east"))
                    .extracting(TargetJob::sessionId).containsExactly("s0", "s2");
        }
    }

    @Test
    @DisplayName("a new cache (a new scheduler) builds its copy from a list, not from what an older one saw")
    void aNewCacheStartsFromAList() {
        listing.createSuspended("east", Sessions.jupyter("s1"), record(MigrationState.STOPPING_SOURCE));
        listing.createSuspended("east", Sessions.jupyter("s2"), record(MigrationState.STOPPING_SOURCE));
        // the crashed scheduler's cache is left as it was (the stock mock server stalls when a watch closes)
        JobCache crashed = JobCache.start("east", client, "sessions");
        crashed.awaitCaughtUp(version(job("s2")), WAIT);
        east.patchMigration("s1", record(MigrationState.DONE), false, job("s1").resourceVersion());
        listing.delete("east", "s2");
        listing.createSuspended("east", Sessions.jupyter("s3"), record(MigrationState.STARTING));

        JobCache fresh = JobCache.start("east", client, "sessions");
        fresh.awaitCaughtUp(version(job("s3")), WAIT);
        KubeTargets cached = new KubeTargets(federation(), Map.of("east", fresh));
        assertThat(cached.jobs("east")).isEqualTo(listing.jobs("east"))
                .extracting(TargetJob::sessionId).containsExactly("s1", "s3");
        assertThat(cached.jobs("east").get(0).state()).contains(MigrationState.DONE);
    }

    @Test
    @DisplayName("a cache that has not listed refuses to be read (retryable, as an unreachable cluster) and its wait"
            + " fails loudly")
    void notCurrentIsUnreadable() throws Exception {
        KubernetesClient nowhere = KubeClients.create(new ConfigBuilder(client.getConfiguration())
                .withMasterUrl("https://127.0.0.1:1").withWatchReconnectInterval(10).build());
        try (nowhere; JobCache cache = JobCache.start("east", nowhere, "sessions")) {
            KubeTargets cached = new KubeTargets(federation(), Map.of("east", cache));
            assertThat(cache.current()).isFalse();
            assertThatThrownBy(() -> cached.jobs("east")).isInstanceOf(TargetClusterException.class)
                    .hasMessageContaining("cluster east").hasMessageContaining("not listed the Jobs yet")
                    .satisfies(e -> assertThat(((TargetClusterException) e).retryable()).isTrue());
            assertThatThrownBy(() -> cache.awaitCaughtUp(1, Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not catch up with resourceVersion 1 within 200 ms")
                    .hasMessageContaining("not watching");
        }
    }

    @Test
    @DisplayName("a cache must be given for every member, and only for members")
    void oneCachePerMember() {
        try (JobCache cache = JobCache.start("west", client, "sessions")) {
            assertThatThrownBy(() -> new KubeTargets(federation(), Map.of("west", cache)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("members [east], caches [west]");
        }
    }

    /** Creates suspended Jobs s2, s1 and s3, in that order, and waits until {@code cache} has seen the last. */
    private void createOutOfNameOrder(JobCache cache) {
        for (String id : List.of("s2", "s1", "s3")) {
            listing.createSuspended("east", Sessions.jupyter(id), record(MigrationState.STOPPING_SOURCE));
        }
        cache.awaitCaughtUp(version(job("s3")), WAIT);
    }

    private Federation federation() {
        return new Federation(List.of(new Federation.Member(EAST, east)));
    }

    private TargetJob job(String id) {
        return listing.jobs("east").stream().filter(j -> j.sessionId().equals(id)).findFirst().orElseThrow();
    }

    private static long version(TargetJob job) {
        return Long.parseLong(job.resourceVersion());
    }

    private static long version(Job job) {
        return Long.parseLong(job.getMetadata().getResourceVersion());
    }

    private static MigrationRecord record(MigrationState state) {
        return new MigrationRecord(7, state, Sessions.STARTED);
    }
}
