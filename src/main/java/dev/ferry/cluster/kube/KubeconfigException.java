package dev.ferry.cluster.kube;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A kubeconfig that cannot reach the federation: it does not read as a kubeconfig ({@link #getCause()} says why), or
 * it has no context named like one of the clusters ({@link #missingContext()}; the message, which begins with
 * {@code kubeconfig FILE}, lists the contexts it has).
 */
public final class KubeconfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String missingContext;

    private KubeconfigException(Path kubeconfig, String message, String missingContext, Throwable cause) {
        super("kubeconfig " + kubeconfig + message, cause);
        this.missingContext = missingContext;
    }

    static KubeconfigException unusable(Path kubeconfig, Throwable cause) {
        return new KubeconfigException(kubeconfig, ": not a usable kubeconfig (" + cause.getMessage() + ")", null,
                cause);
    }

    static KubeconfigException noContext(Path kubeconfig, String context, List<String> contexts) {
        return new KubeconfigException(kubeconfig, " has no context '" + context + "' (it has: "
                + (contexts.isEmpty() ? "none" : String.join(", ", contexts)) + ")", context, null);
    }

    /** The cluster name that is no context of the kubeconfig; empty when the file itself is not usable. */
    public Optional<String> missingContext() {
        return Optional.ofNullable(missingContext);
    }
}
