package dev.ferry.migrate;

/**
 * A target cluster as placement sees it: its zone, what it can hold ({@code allocatable}) and what is
 * still free. Its load is derived from the two, so it stays right as a batch is placed.
 */
public record ClusterState(String name, String zone, Resources allocatable, Resources free) {

    public ClusterState {
        Checks.name(name, "cluster name");
        Checks.name(zone, "zone of cluster " + name);
        Checks.present(allocatable, "allocatable of cluster " + name);
        Checks.present(free, "free of cluster " + name);
        if (!free.fitsIn(allocatable)) {
            throw new IllegalArgumentException("cluster " + name + " has more free (" + free.describe()
                    + ") than allocatable (" + allocatable.describe() + ")");
        }
    }

    /** An empty cluster: everything allocatable is free. */
    public static ClusterState empty(String name, String zone, Resources allocatable) {
        return new ClusterState(name, zone, allocatable, allocatable);
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

    /** This cluster after {@code request} is placed on it. */
    public ClusterState take(Resources request) {
        return new ClusterState(name, zone, allocatable, free.minus(request));
    }
}
