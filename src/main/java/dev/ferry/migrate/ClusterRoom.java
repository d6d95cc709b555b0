package dev.ferry.migrate;

/**
 * The room on one {@link TargetCluster} as one placement pass sees it, not the cluster itself: of the capacity the
 * sessions being placed may use there ({@code allocatable}: the GPU nodes for sessions that ask for GPUs, the other
 * nodes for the rest, all of it when the cluster sets no GPU nodes apart), what the Jobs already there leave
 * {@code free}. The reconciler derives it afresh from each observation; {@link Placement} takes from it as it
 * places a batch, and its load is derived from the two, so it stays right meanwhile.
 */
public record ClusterRoom(String name, String zone, Resources allocatable, Resources free) {

    public ClusterRoom {
        Checks.cluster(name, zone, allocatable, free, "free");
    }

    /** The room on an empty cluster: everything allocatable is free. */
    public static ClusterRoom empty(String name, String zone, Resources allocatable) {
        return new ClusterRoom(name, zone, allocatable, allocatable);
    }

    /** Whether nothing is placed on it. */
    public boolean isEmpty() {
        return free.equals(allocatable);
    }

    /**
     * The used share, 0 to 1: the larger of the CPU and the memory share in use. A dimension with
     * nothing allocatable counts as fully used.
     */
    public double load() {
        return Math.max(share(allocatable.milliCpu() - free.milliCpu(), allocatable.milliCpu()),
                share(allocatable.memoryMiB() - free.memoryMiB(), allocatable.memoryMiB()));
    }

    private static double share(long used, long allocatable) {
        return allocatable == 0 ? 1.0 : (double) used / allocatable;
    }

    /** This room once {@code request} is placed in it. */
    public ClusterRoom take(Resources request) {
        return new ClusterRoom(name, zone, allocatable, free.minus(request));
    }
}
