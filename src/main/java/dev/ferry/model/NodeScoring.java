package dev.ferry.model;

/**
 * How a cluster's scheduler picks among the nodes a pod fits on, after kube-scheduler's {@code NodeResourcesFit}
 * scoring strategies: {@link #LEAST_ALLOCATED} spreads pods (Kubernetes' default), {@link #MOST_ALLOCATED} packs
 * them onto the fullest nodes that still fit, as JupyterHub's user scheduler does so that whole nodes stay free
 * for large sessions and for scale-down.
 */
public enum NodeScoring {
    LEAST_ALLOCATED("least-allocated"),
    MOST_ALLOCATED("most-allocated");

    private final String wireName;

    NodeScoring(String wireName) {
        this.wireName = wireName;
    }

    /** The name in {@code model/clusters.yaml}. */
    public String wireName() {
        return wireName;
    }
}
