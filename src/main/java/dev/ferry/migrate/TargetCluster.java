package dev.ferry.migrate;

import java.util.Objects;

/**
 * A target cluster as the reconciler decides on it: name, zone, what it can hold for sessions, and the part of that
 * on GPU nodes, which are tainted: only sessions that ask for GPUs go there, and those only there.
 */
public record TargetCluster(String name, String zone, Resources allocatable, Resources gpuNodes) {

    public TargetCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(allocatable, "allocatable");
        Objects.requireNonNull(gpuNodes, "gpuNodes");
        if (!gpuNodes.fitsIn(allocatable)) {
            throw new IllegalArgumentException("cluster " + name + " has more on its GPU nodes than in all");
        }
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
