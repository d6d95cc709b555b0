package dev.ferry.sim.migration;

import dev.ferry.cluster.kube.Federation;
import dev.ferry.cluster.kube.KubeClients;
import dev.ferry.cluster.kube.KubeCluster;
import dev.ferry.cluster.kube.JobCache;
import dev.ferry.cluster.kube.KubeTargets;
import dev.ferry.des.Kernel;
import dev.ferry.model.ClusterModel;
import dev.ferry.sim.kube.FakeKubelet;
import dev.ferry.sim.kube.SerializationWarmUp;
import dev.ferry.sim.kube.SimulatedApiServer;
import dev.ferry.sim.kube.transport.InProcessHttpClientFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The target federation of a simulated migration: per cluster of the model, a fabric8 mock API server in CRUD mode
 * (behind a {@link SimulatedApiServer} that injects faults and counts writes), reached in process: its clients' HTTP
 * transport hands each request to its dispatcher on the calling thread ({@link InProcessHttpClientFactory}), so the
 * typed clients, informers and watches above it are fabric8's own and no request crosses a socket; a client
 * without retries, a {@link FakeKubelet} on the kernel's time and two {@link JobCache}s that list and watch the
 * cluster's Jobs through a client of their own: the scheduler's and the kubelet's, each its own watch as two
 * processes' would be; and the scheduler's {@link KubeTargets} over them, reading Jobs from its caches and writing
 * through the API.
 *
 * <p>The caches hear of changes on fabric8's threads, so before a pass decides (and before a kubelet reads its Jobs),
 * {@link #awaitCaches()} waits until each has applied the latest change to a Job its API server made (or, during an
 * outage, has noticed that its watch broke): every pass and every kubelet sync sees what a list at that moment would
 * have, whatever the threads' timing.
 */
final class MockFederation implements AutoCloseable {

    static final String NAMESPACE = "ferry-sessions";
    /**
     * The clients' API server address: never dialled (the in-process transport hands each request to the cluster's
     * dispatcher), and a name that cannot resolve, so a request that went around the transport would fail at once.
     */
    private static final String IN_PROCESS_URL = "http://in-process.invalid/";
    /** How long a pass waits for a cache to catch up before the run fails: far more than it ever takes. */
    private static final Duration CACHE_WAIT = Duration.ofSeconds(60);
    /** The caches' first reconnect delay (fabric8 doubles it up to 32 times): an outage's end is seen at once. */
    private static final int CACHE_RECONNECT_MS = 20;
    static {
        MockLogging.install();
    }

    private final ClusterModel model;
    private final List<SimulatedApiServer> apiServers = new ArrayList<>();
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<FakeKubelet> kubelets = new ArrayList<>();
    private final List<JobCache> caches = new ArrayList<>();
    private final List<JobCache> kubeletCaches = new ArrayList<>();
    private final long[] syncedAtWrites;
    private final KubeTargets targets;

    /** Starts the servers; the draws for each cluster's API errors and pod starts come from {@code random}. */
    MockFederation(ClusterModel model, Kernel kernel, SplittableRandom random, FakeKubelet.PodListener listener) {
        this.model = model;
        List<Federation.Member> members = new ArrayList<>();
        SerializationWarmUp.once();
        try {
            for (ClusterModel.Cluster c : model.clusters()) {
                SimulatedApiServer api = new SimulatedApiServer(new SplittableRandom(random.nextLong()),
                        List.of(500, 503, 429));
                apiServers.add(api);
                InProcessHttpClientFactory transport = new InProcessHttpClientFactory(api);
                KubernetesClient client = KubeClients.create(new ConfigBuilder(Config.empty())
                        .withMasterUrl(IN_PROCESS_URL).build(), transport);
                clients.add(client);
                members.add(new Federation.Member(c.target(), new KubeCluster(c.name(), client, NAMESPACE)));
                KubernetesClient cacheClient = KubeClients.create(new ConfigBuilder(client.getConfiguration())
                        .withUserAgent(SimulatedApiServer.CACHE_AGENT)
                        .withWatchReconnectInterval(CACHE_RECONNECT_MS).build(), transport);
                clients.add(cacheClient);
                SerializationWarmUp.with(cacheClient.getKubernetesSerialization());
                caches.add(JobCache.start(c.name(), cacheClient, NAMESPACE));
                JobCache kubeletCache = JobCache.start(c.name(), cacheClient, NAMESPACE);
                kubeletCaches.add(kubeletCache);
                FakeKubelet kubelet = new FakeKubelet(c, model.podStart(), kernel, kernel,
                        new SplittableRandom(random.nextLong()), client, NAMESPACE, () -> {
                            await(kubeletCache, api);
                            return kubeletCache.sessionJobs();
                        });
                kubelet.addListener(listener);
                kubelets.add(kubelet);
            }
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot start the mocked clusters: " + e.getMessage(), e);
        }
        syncedAtWrites = new long[kubelets.size()];
        Arrays.fill(syncedAtWrites, -1);
        Map<String, JobCache> byCluster = new HashMap<>();
        for (int k = 0; k < caches.size(); k++) {
            byCluster.put(model.clusters().get(k).name(), caches.get(k));
        }
        targets = new KubeTargets(new Federation(members), byCluster);
    }

    /**
     * Waits until every cluster's cache has applied the latest change to its Jobs, or, while its API server is down,
     * has noticed the lost watch; a cache that does not within {@link #CACHE_WAIT} fails the run.
     */
    void awaitCaches() {
        for (int k = 0; k < caches.size(); k++) {
            await(caches.get(k), apiServers.get(k));
        }
    }

    private static void await(JobCache cache, SimulatedApiServer api) {
        if (api.isDown()) {
            cache.awaitDisconnected(CACHE_WAIT);
        } else {
            cache.awaitCaughtUp(api.latestJobVersion(), CACHE_WAIT);
        }
    }

    KubeTargets targets() {
        return targets;
    }

    /** The zones in the order their clusters first appear in the model. */
    List<String> zones() {
        return model.clusters().stream().map(ClusterModel.Cluster::zone).distinct().toList();
    }

    int size() {
        return kubelets.size();
    }

    /**
     * Whether an outage cuts {@code place} off: a cluster whose API server is down is unreachable from the rest of
     * the world and the rest of the world from it, so its sessions' agents cannot reach the control plane either.
     * The source ({@link dev.ferry.migrate.reconcile.LeaseStatus#SOURCE}) is never cut off.
     */
    boolean cutOff(String place) {
        return !dev.ferry.migrate.reconcile.LeaseStatus.SOURCE.equals(place) && apiServer(indexOf(place)).isDown();
    }

    int indexOf(String cluster) {
        for (int k = 0; k < model.clusters().size(); k++) {
            if (model.clusters().get(k).name().equals(cluster)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no cluster " + cluster);
    }

    FakeKubelet kubelet(int k) {
        return kubelets.get(k);
    }

    SimulatedApiServer apiServer(int k) {
        return apiServers.get(k);
    }

    /**
     * Each kubelet syncs when its API server accepted a write since its last sync or it has work of its own: a
     * real kubelet hears of changes through its watch, and going over the Jobs of an unchanged cluster after every
     * pass would be work for nothing. It reads them from its watch, caught up first ({@link #awaitCaches()}).
     */
    void syncKubelets() {
        for (int k = 0; k < kubelets.size(); k++) {
            FakeKubelet kubelet = kubelets.get(k);
            long writes = apiServers.get(k).writes();
            if (writes != syncedAtWrites[k] || kubelet.hasPendingWork()) {
                kubelet.sync();
                syncedAtWrites[k] = apiServers.get(k).writes();
            }
        }
    }

    /** Whether some kubelet has work left: a refused call to retry, a pod waiting for room. */
    /** Over every kubelet: the changes its API server first refused and a later sync wrote (see FakeKubelet). */
    long writtenOnRetry() {
        return kubelets.stream().mapToLong(FakeKubelet::writtenOnRetry).sum();
    }

    boolean kubeletsHaveWork() {
        return kubelets.stream().anyMatch(FakeKubelet::hasPendingWork);
    }

    /** Clears every injected fault: no API errors, every API server up. */
    void calm() {
        for (SimulatedApiServer a : apiServers) {
            a.setErrorRate(0);
            a.setDown(false);
        }
    }

    /** What the API servers answered and the kubelets suffered so far, over all clusters. */
    MigrationOutcome.ClusterActivity activity() {
        long requests = 0;
        long injected = 0;
        long refused = 0;
        for (SimulatedApiServer a : apiServers) {
            requests += a.requests();
            injected += a.injectedErrors();
            refused += a.outageRefusals();
        }
        long nodesLost = 0;
        long podsFailed = 0;
        long unschedulable = 0;
        for (FakeKubelet k : kubelets) {
            nodesLost += k.counters().nodeLosses();
            podsFailed += k.counters().failedByNodeLoss();
            unschedulable += k.counters().unschedulableAttempts();
        }
        return new MigrationOutcome.ClusterActivity(requests, injected, refused, nodesLost, podsFailed,
                unschedulable);
    }

    /** Closes the caches and clients and shuts the mock API servers down. */
    @Override
    public void close() {
        for (JobCache c : caches) {
            c.close();
        }
        for (JobCache c : kubeletCaches) {
            c.close();
        }
        for (KubernetesClient c : clients) {
            c.close();
        }
        for (SimulatedApiServer a : apiServers) {
            a.shutdown();
        }
    }
}
