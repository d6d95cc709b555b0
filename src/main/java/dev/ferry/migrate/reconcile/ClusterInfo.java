package dev.ferry.migrate.reconcile;

import dev.ferry.cluster.kube.Capacity;
import java.util.Objects;

/** A target cluster as the reconciler sees it: name, zone and what it can hold for sessions. */
public record ClusterInfo(String name, String zone, Capacity allocatable) {

    public ClusterInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(allocatable, "allocatable");
    }
}
