package dev.ferry.cluster.kube;

/**
 * Allocatable resources of a cluster (or what a session reserves), in the units of {@link SessionSpec}.
 *
 * @param cpuMillis CPU in millicores, 0 or more
 * @param memoryGiB memory in GiB, 0 or more
 * @param gpus      NVIDIA GPUs, 0 or more
 */
public record Capacity(long cpuMillis, long memoryGiB, long gpus) {

    public static final Capacity ZERO = new Capacity(0, 0, 0);

    public Capacity {
        if (cpuMillis < 0 || memoryGiB < 0 || gpus < 0) {
            throw new IllegalArgumentException("capacity must not be negative: cpu " + cpuMillis + "m, memory "
                    + memoryGiB + " GiB, gpus " + gpus);
        }
    }

    /** What {@code spec} reserves. */
    public static Capacity of(SessionSpec spec) {
        return new Capacity(spec.cpuMillis(), spec.memoryGiB(), spec.gpus());
    }

    /** Whether {@code demand} fits in this, every resource at once. */
    public boolean fits(Capacity demand) {
        return demand.cpuMillis <= cpuMillis && demand.memoryGiB <= memoryGiB && demand.gpus <= gpus;
    }
}
