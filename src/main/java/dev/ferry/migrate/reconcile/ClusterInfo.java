package dev.ferry.migrate.reconcile;

import dev.ferry.cluster.kube.Capacity;
import java.util.Objects;

/**
 * A target cluster as the reconciler sees it: name, zone, what it can hold for sessions, and the part of that on
 * GPU nodes, which are tainted: only sessions that ask for GPUs go there, and those only there.
 */
public record ClusterInfo(String name, String zone, Capacity allocatable, Capacity gpuNodes) {

    public ClusterInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(allocatable, "allocatable");
        Objects.requireNonNull(gpuNodes, "gpuNodes");
        if (!allocatable.fits(gpuNodes)) {
            throw new IllegalArgumentException("cluster " + name + " has more on its GPU nodes than in all");
        }
    }

    /** A cluster whose nodes any session may use. */
    public ClusterInfo(String name, String zone, Capacity allocatable) {
        this(name, zone, allocatable, Capacity.ZERO);
    }

    /** Whether its GPU nodes are set apart (placement then counts them for GPU sessions only). */
    public boolean hasGpuNodes() {
        return !gpuNodes.equals(Capacity.ZERO);
    }

    /** What sessions without GPUs may use: everything but the GPU nodes. */
    public Capacity generalNodes() {
        return new Capacity(allocatable.cpuMillis() - gpuNodes.cpuMillis(),
                allocatable.memoryGiB() - gpuNodes.memoryGiB(), allocatable.gpus() - gpuNodes.gpus());
    }
}
