package dev.ferry.sim.kube;

import dev.ferry.migrate.Resources;

/** A node of a simulated cluster, and what the fake kubelet has placed on it. */
final class SimulatedNode {
    final String name;
    final String pool;
    final Resources allocatable;
    long cpuUsed;
    long memoryUsed;
    long gpusUsed;
    int pods;
    boolean up = true;
    long downUntil;
    long generation;

    SimulatedNode(String name, String pool, Resources allocatable) {
        this.name = name;
        this.pool = pool;
        this.allocatable = allocatable;
    }

    boolean gpuNode() {
        return allocatable.gpus() > 0;
    }

    Resources free() {
        return new Resources(allocatable.milliCpu() - cpuUsed, allocatable.memoryMiB() - memoryUsed,
                Math.toIntExact(allocatable.gpus() - gpusUsed));
    }
}
