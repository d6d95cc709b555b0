package dev.ferry.sim.kube.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.kube.JobCache;
import dev.ferry.cluster.kube.KubeClients;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.sim.kube.SimulatedApiServer;
import dev.ferry.testing.MockServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the in-process transport: a fabric8 client answered by the mock API server's dispatcher, no socket")
class InProcessHttpClientTest {

    private static final String NS = "ns";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MockServers overHttp = new MockServers();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        overHttp.close();
    }

    private KubernetesClient inProcess(SimulatedApiServer api) {
        return inProcess(api, new ConfigBuilder(Config.empty()).withMasterUrl("http://in-process.invalid/").build());
    }

    private KubernetesClient inProcess(SimulatedApiServer api, Config config) {
        KubernetesClient client = KubeClients.create(config, new InProcessHttpClientFactory(api));
        toClose.add(client);
        return client;
    }

    private static SimulatedApiServer api() {
        return new SimulatedApiServer(new SplittableRandom(3), List.of(500));
    }

    private static ConfigMap map(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).addToLabels("app", "x").endMetadata()
                .addToData("k", value).build();
    }

    /** What a client sees of a fixed series of calls: each answer or error status, in order. */
    private static List<String> script(KubernetesClient client) {
        List<String> seen = new ArrayList<>();
        var maps = client.configMaps().inNamespace(NS);
        seen.add(attempt(() -> maps.resource(map("a", "1")).create().getData().toString()));
        seen.add(attempt(() -> maps.resource(map("a", "1")).create().getData().toString())); // exists: 409
        seen.add(attempt(() -> maps.withName("a").get().getMetadata().getResourceVersion()));
        seen.add(attempt(() -> String.valueOf(maps.withName("missing").get()))); // 404: null
        seen.add(attempt(() -> maps.withName("a").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"data\":{\"k\":\"2\"}}").getData().toString()));
        seen.add(attempt(() -> maps.withName("a").edit(m -> new ConfigMapBuilder(m).addToData("e", "3").build())
                .getData().toString()));
        seen.add(attempt(() -> maps.resource(map("b", "9")).create().getMetadata().getName()));
        seen.add(attempt(() -> maps.withLabel("app", "x").list().getItems().stream()
                .map(m -> m.getMetadata().getName()).sorted().toList().toString()));
        seen.add(attempt(() -> String.valueOf(maps.withName("b").delete().size())));
        seen.add(attempt(() -> maps.list().getItems().stream().map(m -> m.getMetadata().getName()).toList()
                .toString()));
        return seen;
    }

    private static String attempt(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            return "error " + e.getCode();
        }
    }

    @Test
    @DisplayName("creates, reads, patches, edits, lists and deletes get the answers the same server gives over HTTP")
    void sameAnswersAsOverHttp() {
        List<String> http = script(overHttp.start(api()));
        List<String> direct = script(inProcess(api()));

        assertThat(direct).isEqualTo(http);
        assertThat(direct.get(1)).isEqualTo("error 409");
        assertThat(direct.get(3)).isEqualTo("null");
        assertThat(direct.get(5)).isEqualTo("{k=2, e=3}");
    }

    @Test
    @DisplayName("injected errors and outages reach the client as the statuses they are")
    void faultsAreStatuses() {
        SimulatedApiServer api = api();
        KubernetesClient client = inProcess(api);
        api.setDown(true);
        assertThat(attempt(() -> client.configMaps().inNamespace(NS).resource(map("a", "1")).create()
                .getMetadata().getName())).isEqualTo("error 503");
        api.setDown(false);
        api.setErrorRate(0.999);
        assertThat(attempt(() -> client.configMaps().inNamespace(NS).list().toString())).isEqualTo("error 500");
        assertThat(api.requests()).isEqualTo(2);
    }

    @Test
    @DisplayName("a watch hears every change in order; closing it ends it on both sides")
    void watchInOrder() throws Exception {
        SimulatedApiServer api = api();
        KubernetesClient client = inProcess(api);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Watch watch = client.configMaps().inNamespace(NS).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName() + " " + resource.getData());
            }

            @Override
            public void onClose(WatcherException cause) {
                events.add("closed " + cause);
            }

            @Override
            public void onClose() {
                events.add("closed");
            }
        });
        var maps = client.configMaps().inNamespace(NS);
        maps.resource(map("a", "1")).create();
        maps.withName("a").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"k\":\"2\"}}");
        maps.withName("a").delete();

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.add(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertThat(seen).containsExactly("ADDED a {k=1}", "MODIFIED a {k=2}", "DELETED a {k=2}");

        watch.close();
        assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("closed");
    }

    @ParameterizedTest(name = "over HTTP: {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("a Job cache lists, follows changes, loses its watch in an outage and catches up after it, a deletion"
            + " it missed included")
    void jobCacheThroughAnOutage(boolean overHttp) {
        SimulatedApiServer api = api();
        KubernetesClient client = overHttp ? this.overHttp.start(api) : inProcess(api);
        Config cacheConfig = new ConfigBuilder(client.getConfiguration())
                .withUserAgent(SimulatedApiServer.CACHE_AGENT).withWatchReconnectInterval(20).build();
        KubernetesClient cacheClient = overHttp ? KubeClients.create(cacheConfig) : inProcess(api, cacheConfig);
        toClose.add(cacheClient);
        client.batch().v1().jobs().inNamespace(NS).resource(job("s1")).create();
        JobCache cache = JobCache.start("c1", cacheClient, NS);
        toClose.add(cache);

        cache.awaitCaughtUp(api.latestJobVersion(), WAIT);
        assertThat(cache.sessionJobs()).extracting(j -> j.getMetadata().getName()).containsExactly("s1");

        client.batch().v1().jobs().inNamespace(NS).resource(job("s2")).create();
        cache.awaitCaughtUp(api.latestJobVersion(), WAIT);
        assertThat(cache.sessionJobs()).extracting(j -> j.getMetadata().getName()).containsExactly("s1", "s2");

        api.setDown(true);
        cache.awaitDisconnected(WAIT);
        assertThat(cache.current()).isFalse();

        api.setDown(false);
        client.batch().v1().jobs().inNamespace(NS).withName("s1").delete();
        cache.awaitCaughtUp(api.latestJobVersion(), WAIT);
        assertThat(cache.sessionJobs()).extracting(j -> j.getMetadata().getName()).containsExactly("s2");
    }

    @Test
    @DisplayName("a watch from before a deletion the server cannot replay ends with 410 Expired, as an API server's")
    void expiredWatch() throws Exception {
        SimulatedApiServer api = api();
        KubernetesClient client = inProcess(api, new ConfigBuilder(Config.empty())
                .withMasterUrl("http://in-process.invalid/").withUserAgent(SimulatedApiServer.CACHE_AGENT).build());
        var jobs = client.batch().v1().jobs().inNamespace(NS);
        String before = jobs.resource(job("s1")).create().getMetadata().getResourceVersion();
        jobs.withName("s1").delete();
        BlockingQueue<Integer> closedWith = new LinkedBlockingQueue<>();
        jobs.watch(new ListOptionsBuilder().withResourceVersion(before).build(), new Watcher<>() {
            @Override
            public void eventReceived(Action action, Job resource) {
                closedWith.add(-1);
            }

            @Override
            public void onClose(WatcherException cause) {
                closedWith.add(cause.isHttpGone() ? 410 : 0);
            }
        });
        assertThat(closedWith.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(410);
    }

    private static Job job(String name) {
        return new JobBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of(SessionJobs.MANAGED_BY, SessionJobs.FERRY)).endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("c").withImage("i")
                .endContainer().withRestartPolicy("Never").endSpec().endTemplate().endSpec().build();
    }
}
