package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.Capacity;

/** A node of a simulated cluster, and what the fake kubelet has placed on it. */
final class SimulatedNode {
    final String name;
    final String pool;
    final Capacity allocatable;
    long cpuUsed;
    long memoryUsed;
    long gpusUsed;
    int pods;
    boolean up = true;
    long downUntil;
    long generation;

    SimulatedNode(String name, String pool, Capacity allocatable) {
        this.name = name;
        this.pool = pool;
        this.allocatable = allocatable;
    }

    boolean gpuNode() {
        return allocatable.gpus() > 0;
    }

    Capacity free() {
        return new Capacity(allocatable.cpuMillis() - cpuUsed, allocatable.memoryGiB() - memoryUsed,
                allocatable.gpus() - gpusUsed);
    }
}
