package dev.ferry.cluster.kube;

import dev.ferry.migrate.Names;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.TargetCluster;
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
    public record Member(KubeCluster cluster, Resources capacity, Resources gpuNodes) {
        public Member {
            if (cluster == null || capacity == null || gpuNodes == null) {
                throw new IllegalArgumentException("a federation member needs a cluster and a capacity");
            }
            if (!gpuNodes.fitsIn(capacity)) {
                throw new IllegalArgumentException("cluster " + Names.quote(cluster.name())
                        + " has more on its GPU nodes than in all");
            }
        }

        /** A cluster whose nodes any session may use. */
        public Member(KubeCluster cluster, Resources capacity) {
            this(cluster, capacity, Resources.NONE);
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
    public Resources totalResources() {
        Resources total = Resources.NONE;
        for (Member m : members) {
            total = total.plus(m.capacity());
        }
        return total;
    }

    /** The members as the reconciler sees them. */
    public List<TargetCluster> targetClusters() {
        return members.stream().map(m -> new TargetCluster(m.name(), m.zone(), m.capacity(), m.gpuNodes())).toList();
    }
}
