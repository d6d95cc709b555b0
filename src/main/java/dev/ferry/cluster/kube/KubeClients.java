package dev.ferry.cluster.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;

/**
 * fabric8 clients the way {@link KubeCluster} needs them. fabric8 retries 429 and 5xx answers by itself
 * ({@code requestRetryBackoffLimit}, 10 by default) with exponential backoff on its own timer: that would hide
 * API errors from the reconciler, wait in real time under a virtual clock, and stall the event loop. Ferry turns
 * it off and lets the reconciler requeue.
 */
public final class KubeClients {

    private KubeClients() {
    }

    /** {@code config} with fabric8's own request retries turned off. */
    public static Config withoutRetries(Config config) {
        return new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
    }

    /** A client for {@code config} without fabric8's own request retries. */
    public static KubernetesClient create(Config config) {
        return new KubernetesClientBuilder().withConfig(withoutRetries(config)).build();
    }

    /** A client for {@code config} without fabric8's own request retries, over {@code transport}'s HTTP clients. */
    public static KubernetesClient create(Config config, HttpClient.Factory transport) {
        return new KubernetesClientBuilder().withConfig(withoutRetries(config)).withHttpClientFactory(transport)
                .build();
    }

    /** Whether {@code client} retries failed requests by itself (and so cannot be used by {@link KubeCluster}). */
    static boolean retriesByItself(KubernetesClient client) {
        Integer limit = client.getConfiguration().getRequestRetryBackoffLimit();
        return limit != null && limit > 0;
    }
}
