package dev.ferry.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.util.ArrayList;
import java.util.List;

/** Mock API servers started for one test, each with a client; {@link #close()} stops them all. */
public final class MockServers implements AutoCloseable {

    private final List<KubernetesMockServer> servers = new ArrayList<>();
    private final List<KubernetesClient> clients = new ArrayList<>();

    /** A mock server on 127.0.0.1 answering through {@code dispatcher}, and a client of it. */
    public KubernetesClient start(Dispatcher dispatcher) {
        KubernetesMockServer server = MockClusters.with(dispatcher);
        servers.add(server);
        KubernetesClient client = MockClusters.client(server);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(KubernetesClient::close);
        servers.forEach(KubernetesMockServer::destroy);
        clients.clear();
        servers.clear();
    }
}
