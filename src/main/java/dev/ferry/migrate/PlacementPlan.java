package dev.ferry.migrate;

import java.util.List;

/**
 * The outcome of {@link Placement#placeAll}: who goes where, who waits and why (both in request order),
 * and the clusters as they are once the placed sessions are counted (in the order given).
 */
public record PlacementPlan(List<Assignment> placed, List<Queued> waiting, List<ClusterRoom> remaining) {

    /** {@code request} goes to {@code cluster}. */
    public record Assignment(SessionRequest request, String cluster) {
    }

    /** {@code request} waits, for {@code why}. */
    public record Queued(SessionRequest request, PlacementDecision.Wait why) {
    }

    public PlacementPlan {
        placed = List.copyOf(placed);
        waiting = List.copyOf(waiting);
        remaining = List.copyOf(remaining);
    }
}
