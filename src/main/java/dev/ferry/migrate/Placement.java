package dev.ferry.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Federation placement, pure: a session goes to a cluster where it fits now (CPU, memory and GPUs
 * free), in its preferred zone when one there fits, otherwise anywhere; among those, the least loaded
 * ({@link ClusterRoom#load()}), ties broken by name. The order in which clusters are listed does not matter.
 */
public final class Placement {

    private static final Comparator<ClusterRoom> LEAST_LOADED =
            Comparator.comparingDouble(ClusterRoom::load).thenComparing(ClusterRoom::name);

    private Placement() {
    }

    /** Chooses a cluster for {@code request}, or says why it waits. */
    public static PlacementDecision place(List<ClusterRoom> clusters, SessionRequest request) {
        requireUniqueNames(clusters);
        Checks.present(request, "request");
        Resources need = request.resources();
        List<ClusterRoom> fitting = clusters.stream().filter(c -> need.fitsIn(c.free())).toList();
        if (fitting.isEmpty()) {
            return waitFor(clusters, request);
        }
        List<ClusterRoom> inZone = request.preferredZone()
                .map(zone -> fitting.stream().filter(c -> c.zone().equals(zone)).toList())
                .orElse(List.of());
        List<ClusterRoom> eligible = inZone.isEmpty() ? fitting : inZone;
        return new PlacementDecision.Placed(eligible.stream().min(LEAST_LOADED).orElseThrow().name());
    }

    /**
     * Places {@code requests} one by one in order, each seeing the capacity the earlier ones took; those
     * that fit nowhere wait. Session ids must be distinct.
     */
    public static PlacementPlan placeAll(List<ClusterRoom> clusters, List<SessionRequest> requests) {
        requireUniqueNames(clusters);
        Checks.present(requests, "requests");
        Set<String> sessions = new HashSet<>();
        for (SessionRequest r : requests) {
            if (!sessions.add(Checks.present(r, "request").sessionId())) {
                throw new IllegalArgumentException("requests list session " + r.sessionId() + " twice");
            }
        }
        List<ClusterRoom> state = new ArrayList<>(clusters);
        List<PlacementPlan.Assignment> placed = new ArrayList<>();
        List<PlacementPlan.Queued> waiting = new ArrayList<>();
        for (SessionRequest r : requests) {
            PlacementDecision d = place(state, r);
            if (d instanceof PlacementDecision.Placed p) {
                for (int i = 0; i < state.size(); i++) {
                    if (state.get(i).name().equals(p.cluster())) {
                        state.set(i, state.get(i).take(r.resources()));
                    }
                }
                placed.add(new PlacementPlan.Assignment(r, p.cluster()));
            } else {
                waiting.add(new PlacementPlan.Queued(r, (PlacementDecision.Wait) d));
            }
        }
        return new PlacementPlan(placed, waiting, state);
    }

    private static PlacementDecision.Wait waitFor(List<ClusterRoom> clusters, SessionRequest request) {
        Resources need = request.resources();
        if (clusters.isEmpty()) {
            return new PlacementDecision.Wait("no clusters to place session " + request.sessionId() + " on", false);
        }
        boolean fitsEmpty = clusters.stream().anyMatch(c -> need.fitsIn(c.allocatable()));
        String shortfalls = clusters.stream().sorted(Comparator.comparing(ClusterRoom::name))
                .map(c -> c.name() + " " + (fitsEmpty ? shortfall(need, c.free(), "free")
                        : shortfall(need, c.allocatable(), "allocatable")))
                .collect(Collectors.joining("; "));
        String head = fitsEmpty ? "no cluster has room for " + need.describe() + " now"
                : need.describe() + " is more than any cluster can hold even when empty";
        return new PlacementDecision.Wait(head + ": " + shortfalls, fitsEmpty);
    }

    /** Where {@code free} falls short of {@code need}, e.g. "has only 2 GiB, 0 GPUs free". */
    private static String shortfall(Resources need, Resources free, String what) {
        List<String> lacks = new ArrayList<>();
        if (need.milliCpu() > free.milliCpu()) {
            lacks.add(Resources.cpuText(free.milliCpu()));
        }
        if (need.memoryMiB() > free.memoryMiB()) {
            lacks.add(Resources.memoryText(free.memoryMiB()));
        }
        if (need.gpus() > free.gpus()) {
            lacks.add(Resources.gpuText(free.gpus()));
        }
        return "has only " + String.join(", ", lacks) + " " + what;
    }

    private static void requireUniqueNames(List<ClusterRoom> clusters) {
        Checks.present(clusters, "clusters");
        Set<String> names = new HashSet<>();
        for (ClusterRoom c : clusters) {
            if (!names.add(Checks.present(c, "cluster").name())) {
                throw new IllegalArgumentException("clusters list " + c.name() + " twice");
            }
        }
    }
}
