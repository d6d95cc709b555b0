package dev.ferry.migrate;

/**
 * A target cluster as the federation describes it, the same in every pass: name, zone, what it can hold for
 * sessions when empty, and the part of that on GPU nodes, which are tainted: only sessions that ask for GPUs go
 * there, and those only there. What is left of it while Jobs run there is a {@link ClusterRoom}, which the
 * reconciler derives from this and what it observed.
 */
public record TargetCluster(String name, String zone, Resources allocatable, Resources gpuNodes) {

    public TargetCluster {
        Checks.cluster(name, zone, allocatable, gpuNodes, "on GPU nodes");
    }

    /** A cluster whose nodes any session may use. */
    public TargetCluster(String name, String zone, Resources allocatable) {
        this(name, zone, allocatable, Resources.NONE);
    }

    /** Whether its GPU nodes are set apart (placement then counts them for GPU sessions only). */
    public boolean hasGpuNodes() {
        return !gpuNodes.equals(Resources.NONE);
    }

    /** What sessions without GPUs may use: everything but the GPU nodes. */
    public Resources generalNodes() {
        return allocatable.minus(gpuNodes);
    }
}
