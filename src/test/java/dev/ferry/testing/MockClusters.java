package dev.ferry.testing;

import dev.ferry.sim.migration.MockLogging;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8 mock API servers on 127.0.0.1, plain HTTP, one per simulated cluster: CRUD ones (STACK.md), and a
 * mixed one whose scripted expectations answer first and the CRUD store the rest, as
 * {@link KubernetesMixedDispatcher} does.
 */
public final class MockClusters {

    /** The mock web server logs every request at INFO through java.util.logging; held so the level sticks. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    private MockClusters() {
    }

    /** A started CRUD server. */
    public static KubernetesMockServer crud() {
        return started(new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false));
    }

    /** A started server answering through {@code dispatcher} (a CRUD store with something of its own around it). */
    public static KubernetesMockServer with(Dispatcher dispatcher) {
        return started(new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher,
                false));
    }

    /** A started CRUD server on which {@code server.expect()} scripts answers that take precedence. */
    public static KubernetesMockServer mixed() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        return started(new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false));
    }

    /** A client of {@code server} without fabric8's own retries, as KubeCluster and the fake kubelet require. */
    public static NamespacedKubernetesClient client(KubernetesMockServer server) {
        return server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    }

    private static KubernetesMockServer started(KubernetesMockServer server) {
        MockLogging.install();
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return server;
    }
}
