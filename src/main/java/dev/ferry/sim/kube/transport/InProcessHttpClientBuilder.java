package dev.ferry.sim.kube.transport;

import io.fabric8.kubernetes.client.http.StandardHttpClientBuilder;
import java.util.concurrent.atomic.AtomicBoolean;

/** fabric8's standard client builder for {@link InProcessHttpClient}: derived clients share their parent's closing. */
public final class InProcessHttpClientBuilder extends
        StandardHttpClientBuilder<InProcessHttpClient, InProcessHttpClientFactory, InProcessHttpClientBuilder> {

    InProcessHttpClientBuilder(InProcessHttpClientFactory factory) {
        super(factory);
    }

    @Override
    public InProcessHttpClient build() {
        AtomicBoolean closed = client == null ? new AtomicBoolean() : client.getClosed();
        return new InProcessHttpClient(this, closed, clientFactory.dispatcher());
    }

    @Override
    protected InProcessHttpClientBuilder newInstance(InProcessHttpClientFactory factory) {
        return new InProcessHttpClientBuilder(factory);
    }
}
