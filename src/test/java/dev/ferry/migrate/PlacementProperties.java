package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Placement for any clusters and requests. Clusters are small (so batches fill them), some empty,
 * some with GPUs; requests are often near a cluster's size and sometimes bigger than any.
 */
class PlacementProperties {

    private static final List<String> ZONES = List.of("z1", "z2", "z3");

    @Provide
    Arbitrary<List<ClusterRoom>> clusters() {
        Arbitrary<Resources> allocatable = Combinators.combine(Arbitraries.longs().between(1_000, 16_000),
                Arbitraries.longs().between(1_024, 65_536), Arbitraries.integers().between(0, 4)).as(Resources::new);
        Arbitrary<ClusterRoom> cluster = Combinators.combine(Arbitraries.of(ZONES), allocatable,
                Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false)).as((zone, alloc, freeShare, empty) ->
                new ClusterRoom("pending", zone, alloc, empty ? alloc : new Resources(
                        (long) (alloc.milliCpu() * freeShare), (long) (alloc.memoryMiB() * freeShare),
                        (int) (alloc.gpus() * freeShare))));
        return cluster.list().ofMinSize(0).ofMaxSize(5).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> new ClusterRoom("k" + i, list.get(i).zone(), list.get(i).allocatable(), list.get(i).free()))
                .toList());
    }

    @Provide
    Arbitrary<List<SessionRequest>> requests() {
        Arbitrary<Resources> need = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(0, 4_000)),
                        Tuple.of(1, Arbitraries.longs().between(0, 18_000))),
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(0, 16_384)),
                        Tuple.of(1, Arbitraries.longs().between(0, 70_000))),
                Arbitraries.frequency(
                        Tuple.of(3, 0), Tuple.of(1, 1), Tuple.of(1, 3)))
                .as(Resources::new);
        Arbitrary<Optional<String>> zone = Arbitraries.of(ZONES).optional(0.7);
        return Combinators.combine(need, zone).as((r, z) -> new SessionRequest("pending", r, z))
                .list().ofMaxSize(12).map(list -> IntStream.range(0, list.size())
                        .mapToObj(i -> new SessionRequest("s" + i, list.get(i).resources(), list.get(i).preferredZone()))
                        .toList());
    }

    private static ClusterRoom named(List<ClusterRoom> clusters, String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Property
    void neverPlacesWhereItDoesNotFitAndHonoursTheZoneWhenItCan(@ForAll("clusters") List<ClusterRoom> clusters,
                                                                @ForAll("requests") List<SessionRequest> requests) {
        for (SessionRequest r : requests) {
            PlacementDecision d = Placement.place(clusters, r);
            boolean anyFits = clusters.stream().anyMatch(c -> r.resources().fitsIn(c.free()));
            if (d instanceof PlacementDecision.Placed p) {
                ClusterRoom chosen = named(clusters, p.cluster());
                assertThat(r.resources().fitsIn(chosen.free())).isTrue();
                boolean zoneFits = clusters.stream().anyMatch(c -> r.resources().fitsIn(c.free())
                        && r.preferredZone().equals(Optional.of(c.zone())));
                if (zoneFits) {
                    assertThat(Optional.of(chosen.zone())).isEqualTo(r.preferredZone());
                }
                Statistics.label("decision").collect(r.preferredZone().isEmpty() ? "placed, no zone asked"
                        : zoneFits ? "placed in its zone" : "placed in another zone");
                // no eligible cluster is less loaded
                clusters.stream().filter(c -> r.resources().fitsIn(c.free()))
                        .filter(c -> !zoneFits || r.preferredZone().equals(Optional.of(c.zone())))
                        .forEach(c -> assertThat(chosen.load()).isLessThanOrEqualTo(c.load()));
            } else {
                assertThat(anyFits).as("waits only when nothing fits").isFalse();
                PlacementDecision.Wait w = (PlacementDecision.Wait) d;
                assertThat(w.fitsAnEmptyCluster())
                        .isEqualTo(clusters.stream().anyMatch(c -> r.resources().fitsIn(c.allocatable())));
                Statistics.label("decision").collect(w.fitsAnEmptyCluster() ? "waits for room" : "waits, fits nowhere");
            }
        }
        Statistics.label("decision").coverage(cov -> {
            for (String kind : List.of("placed, no zone asked", "placed in its zone", "placed in another zone",
                    "waits for room", "waits, fits nowhere")) {
                cov.check(kind).percentage(p -> p > 3);
            }
        });
    }

    /** The guarantee this section is named for. */
    @Property
    void aSessionThatFitsAnEmptyClusterIsNeverQueuedWhileThatClusterIsEmpty(
            @ForAll("clusters") List<ClusterRoom> clusters, @ForAll("requests") List<SessionRequest> requests) {
        for (SessionRequest r : requests) {
            boolean fitsAnEmptyOne = clusters.stream()
                    .anyMatch(c -> c.isEmpty() && r.resources().fitsIn(c.allocatable()));
            if (fitsAnEmptyOne) {
                assertThat(Placement.place(clusters, r)).isInstanceOf(PlacementDecision.Placed.class);
            }
        }
        // and in a batch: a queued session found no room even in what was left at the end
        PlacementPlan plan = Placement.placeAll(clusters, requests);
        for (PlacementPlan.Queued q : plan.waiting()) {
            assertThat(plan.remaining()).noneMatch(c -> q.request().resources().fitsIn(c.free()));
        }
    }

    @Property
    void placeAllNeverOverCommitsAnyCluster(@ForAll("clusters") List<ClusterRoom> clusters,
                                            @ForAll("requests") List<SessionRequest> requests) {
        PlacementPlan plan = Placement.placeAll(clusters, requests);
        Map<String, long[]> taken = new HashMap<>();
        for (PlacementPlan.Assignment a : plan.placed()) {
            long[] t = taken.computeIfAbsent(a.cluster(), k -> new long[3]);
            t[0] += a.request().resources().milliCpu();
            t[1] += a.request().resources().memoryMiB();
            t[2] += a.request().resources().gpus();
        }
        for (ClusterRoom c : clusters) {
            long[] t = taken.getOrDefault(c.name(), new long[3]);
            assertThat(t[0]).as("CPU on %s", c.name()).isLessThanOrEqualTo(c.free().milliCpu());
            assertThat(t[1]).as("memory on %s", c.name()).isLessThanOrEqualTo(c.free().memoryMiB());
            assertThat(t[2]).as("GPUs on %s", c.name()).isLessThanOrEqualTo(c.free().gpus());
            assertThat(named(plan.remaining(), c.name()).free())
                    .isEqualTo(new Resources(c.free().milliCpu() - t[0], c.free().memoryMiB() - t[1],
                            c.free().gpus() - (int) t[2]));
        }
        // every request is answered once, in order
        List<String> answered = new ArrayList<>();
        plan.placed().forEach(a -> answered.add(a.request().sessionId()));
        plan.waiting().forEach(q -> answered.add(q.request().sessionId()));
        assertThat(answered).containsExactlyInAnyOrderElementsOf(
                requests.stream().map(SessionRequest::sessionId).collect(Collectors.toList()));
    }

    @Property
    void deterministicAndIndependentOfTheOrderClustersAreListed(@ForAll("clusters") List<ClusterRoom> clusters,
                                                               @ForAll("requests") List<SessionRequest> requests) {
        List<ClusterRoom> reversed = new ArrayList<>(clusters);
        Collections.reverse(reversed);
        PlacementPlan plan = Placement.placeAll(clusters, requests);
        PlacementPlan again = Placement.placeAll(reversed, requests);
        assertThat(again.placed()).isEqualTo(plan.placed());
        assertThat(again.waiting()).isEqualTo(plan.waiting());
        assertThat(Placement.placeAll(clusters, requests)).isEqualTo(plan);
    }

    /** A batch is the single-session decision applied in turn: placeAll adds no policy of its own. */
    @Property
    void placeAllIsPlaceAppliedInTurn(@ForAll("clusters") List<ClusterRoom> clusters,
                                      @ForAll("requests") List<SessionRequest> requests) {
        PlacementPlan plan = Placement.placeAll(clusters, requests);
        List<ClusterRoom> state = new ArrayList<>(clusters);
        int placed = 0;
        for (SessionRequest r : requests) {
            PlacementDecision d = Placement.place(state, r);
            if (d instanceof PlacementDecision.Placed p) {
                assertThat(plan.placed().get(placed++)).isEqualTo(new PlacementPlan.Assignment(r, p.cluster()));
                state.replaceAll(c -> c.name().equals(p.cluster()) ? c.take(r.resources()) : c);
            }
        }
        assertThat(plan.placed()).hasSize(placed);
        assertThat(plan.remaining()).isEqualTo(state);
    }
}
