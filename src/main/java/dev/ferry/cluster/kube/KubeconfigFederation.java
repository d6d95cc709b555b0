package dev.ferry.cluster.kube;

import dev.ferry.migrate.TargetCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The federation reached through one kubeconfig, as kubectl reads it (server, certificates, token): per cluster, the
 * context of the same name, a fabric8 client for it without fabric8's own retries ({@link KubeClients}), and the
 * scheduler's {@link KubeTargets} over them. It owns the clients: close it when done.
 */
public final class KubeconfigFederation implements AutoCloseable {

    private final List<KubernetesClient> clients;
    private final Federation federation;
    private final KubeTargets targets;

    private KubeconfigFederation(List<KubernetesClient> clients, Federation federation) {
        this.clients = clients;
        this.federation = federation;
        this.targets = new KubeTargets(federation);
    }

    /**
     * Connects to {@code clusters} through the contexts of {@code kubeconfig}, the contexts' namespaces ignored for
     * {@code namespace}. Nothing is sent yet: fabric8 connects on the first call.
     *
     * @throws KubeconfigException      if the file is not a usable kubeconfig or lacks a cluster's context
     * @throws IllegalArgumentException if a cluster name or the namespace is not a Kubernetes name, or a name repeats
     */
    public static KubeconfigFederation connect(Path kubeconfig, List<TargetCluster> clusters, String namespace)
            throws KubeconfigException {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        List<KubernetesClient> clients = new ArrayList<>();
        try {
            List<Federation.Member> members = new ArrayList<>();
            for (TargetCluster c : clusters) {
                KubernetesClient client = KubeClients.create(context(kubeconfig, c.name()));
                clients.add(client);
                members.add(new Federation.Member(c, new KubeCluster(c.name(), client, namespace)));
            }
            return new KubeconfigFederation(clients, new Federation(members));
        } catch (KubeconfigException | RuntimeException e) {
            clients.forEach(KubernetesClient::close);
            throw e;
        }
    }

    /** The context named {@code context}, exactly: fabric8 silently falls back to the current one. */
    private static Config context(Path kubeconfig, String context) throws KubeconfigException {
        Config config;
        try {
            config = Config.fromKubeconfig(context, kubeconfig.toFile());
        } catch (RuntimeException e) {
            // fabric8's own KubernetesClientException for a file it cannot read, the YAML parser's for one that is
            // not YAML, and others for YAML that is not a kubeconfig
            throw KubeconfigException.unusable(kubeconfig, e);
        }
        if (config.getCurrentContext() == null || !context.equals(config.getCurrentContext().getName())) {
            List<String> known = config.getContexts() == null ? List.of() : config.getContexts().stream()
                    .map(NamedContext::getName).sorted().toList();
            throw KubeconfigException.noContext(kubeconfig, context, known);
        }
        return config;
    }

    /** The scheduler's target clusters. */
    public KubeTargets targets() {
        return targets;
    }

    /** The URL of {@code cluster}'s API server, from its context, or "unknown server" for a name not in it. */
    public String server(String cluster) {
        return federation.member(cluster).map(m -> m.cluster().server()).orElse("unknown server");
    }

    /** Closes the clients. */
    @Override
    public void close() {
        clients.forEach(KubernetesClient::close);
    }
}
