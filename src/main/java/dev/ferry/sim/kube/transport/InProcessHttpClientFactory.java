package dev.ferry.sim.kube.transport;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.util.Objects;

/**
 * Builds fabric8 HTTP clients whose requests a mock API server's {@link Dispatcher} answers in the same process,
 * on the calling thread: what the fabric8 mock server does behind its HTTP listener, without the listener. Pass it
 * to {@code KubernetesClientBuilder.withHttpClientFactory}; everything above the transport (the typed clients,
 * informers, their watches, serialization) is fabric8's own code, as against a real cluster.
 */
public final class InProcessHttpClientFactory implements HttpClient.Factory {

    private final Dispatcher dispatcher;

    public InProcessHttpClientFactory(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public InProcessHttpClientBuilder newBuilder() {
        return new InProcessHttpClientBuilder(this);
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }
}
