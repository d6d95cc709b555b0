package dev.ferry.cluster.kube;

import dev.ferry.migrate.Names;
import dev.ferry.migrate.TargetCluster;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes clusters sessions move to: for each, what it is ({@link TargetCluster}: zone, capacity, GPU nodes)
 * and the {@link KubeCluster} it is reached through. Members keep the order given, so placement that breaks ties by
 * it stays deterministic.
 */
public record Federation(List<Federation.Member> members) {

    /** One cluster: its description and its API, under the same name. */
    public record Member(TargetCluster target, KubeCluster cluster) {
        public Member {
            if (target == null || cluster == null) {
                throw new IllegalArgumentException("a federation member needs a description and a cluster");
            }
            if (!target.name().equals(cluster.name())) {
                throw new IllegalArgumentException("cluster " + Names.quote(target.name()) + " is reached through "
                        + "a client of cluster " + Names.quote(cluster.name()));
            }
        }

        public String name() {
            return target.name();
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

    /** The members as the reconciler sees them, in federation order. */
    public List<TargetCluster> targetClusters() {
        return members.stream().map(Member::target).toList();
    }
}
