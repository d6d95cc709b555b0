package dev.ferry.cluster.kube;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kubernetes clusters sessions move to, each with its zone (on the {@link KubeCluster}) and its capacity:
 * the data federation placement works from. Members keep the order given, so placement that breaks ties by it
 * stays deterministic.
 */
public record Federation(List<Federation.Member> members) {

    /**
     * One cluster and its allocatable capacity for sessions; {@code gpuNodes} is the part of it on nodes tainted
     * for GPU sessions, which only sessions asking for GPUs may use (and those only there).
     */
    public record Member(KubeCluster cluster, Capacity capacity, Capacity gpuNodes) {
        public Member {
            if (cluster == null || capacity == null || gpuNodes == null) {
                throw new IllegalArgumentException("a federation member needs a cluster and a capacity");
            }
            if (!capacity.fits(gpuNodes)) {
                throw new IllegalArgumentException("cluster " + Names.quote(cluster.name())
                        + " has more on its GPU nodes than in all");
            }
        }

        /** A cluster whose nodes any session may use. */
        public Member(KubeCluster cluster, Capacity capacity) {
            this(cluster, capacity, Capacity.ZERO);
        }

        public String name() {
            return cluster.name();
        }

        public String zone() {
            return cluster.zone();
        }
    }

    public Federation {
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("a federation needs at least one cluster");
        }
        members = List.copyOf(members);
        Set<String> names = new HashSet<>();
        for (Member m : members) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException(
                        "cluster " + Names.quote(m.name()) + " appears twice in the federation");
            }
        }
    }

    /** The member named {@code name}, if any. */
    public Optional<Member> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The zones of the members, sorted. */
    public Set<String> zones() {
        Set<String> zones = new TreeSet<>();
        members.forEach(m -> zones.add(m.zone()));
        return zones;
    }

    /** The members in {@code zone}, in federation order. */
    public List<Member> inZone(String zone) {
        return members.stream().filter(m -> m.zone().equals(zone)).toList();
    }

    /** The sum of the members' capacities. */
    public Capacity totalCapacity() {
        long cpu = 0;
        long memory = 0;
        long gpus = 0;
        for (Member m : members) {
            cpu += m.capacity().cpuMillis();
            memory += m.capacity().memoryGiB();
            gpus += m.capacity().gpus();
        }
        return new Capacity(cpu, memory, gpus);
    }
}
