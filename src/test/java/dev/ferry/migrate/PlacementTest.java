package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-computed placements; a cluster's load is the larger of its used CPU and memory shares. */
@DisplayName("Placement puts a session where it fits, in its zone when it can, on the least loaded cluster")
class PlacementTest {

    /** A cluster of {@code cpus} cores, {@code gib} GiB and {@code gpus} GPUs, of which the given amounts are free. */
    private static ClusterRoom cluster(String name, String zone, double cpus, double gib, int gpus,
                                        double freeCpus, double freeGib, int freeGpus) {
        return new ClusterRoom(name, zone, Resources.of(cpus, gib, gpus), Resources.of(freeCpus, freeGib, freeGpus));
    }

    private static ClusterRoom empty(String name, String zone, double cpus, double gib, int gpus) {
        return ClusterRoom.empty(name, zone, Resources.of(cpus, gib, gpus));
    }

    private static SessionRequest req(String id, double cpus, double gib, int gpus) {
        return new SessionRequest(id, Resources.of(cpus, gib, gpus));
    }

    private static PlacementDecision placed(String cluster) {
        return new PlacementDecision.Placed(cluster);
    }

    @Nested
    @DisplayName("fitting")
    class Fitting {

        @Test
        @DisplayName("a session goes only where all it asks for is free")
        void fits() {
            // a has 2 CPU free, b has 8 CPU but only 2 GiB free: 4 CPU, 4 GiB fits neither; 2 CPU, 2 GiB fits both
            List<ClusterRoom> clusters = List.of(cluster("a", "z1", 16, 64, 0, 2, 32, 0),
                    cluster("b", "z1", 16, 64, 0, 8, 2, 0));
            assertThat(Placement.place(clusters, req("s1", 4, 4, 0))).isEqualTo(new PlacementDecision.Wait(
                    "no cluster has room for 4 CPU, 4 GiB, 0 GPUs now: a has only 2 CPU free; b has only 2 GiB free",
                    true));
            // both fit; a is 14/16 CPU used (0.875), b 62/64 GiB used (0.97): a is less loaded
            assertThat(Placement.place(clusters, req("s2", 2, 2, 0))).isEqualTo(placed("a"));
        }

        @Test
        @DisplayName("a session bigger than any cluster waits, and the answer says it never fits as things are")
        void neverFits() {
            List<ClusterRoom> clusters = List.of(empty("a", "z1", 8, 32, 0), empty("b", "z2", 16, 16, 0));
            assertThat(Placement.place(clusters, req("s1", 12, 24, 0))).isEqualTo(new PlacementDecision.Wait(
                    "12 CPU, 24 GiB, 0 GPUs is more than any cluster can hold even when empty:"
                            + " a has only 8 CPU allocatable; b has only 16 GiB allocatable", false));
        }

        @Test
        @DisplayName("with no clusters, a session waits")
        void noClusters() {
            assertThat(Placement.place(List.of(), req("s1", 1, 1, 0)))
                    .isEqualTo(new PlacementDecision.Wait("no clusters to place session s1 on", false));
        }

        @Test
        @DisplayName("exact fits are fits: capacity is counted in millicores and MiB, without rounding")
        void exact() {
            // ten sessions of 0.1 CPU fill 1 CPU exactly (as doubles, 1.0 less 0.1 ten times is not 0)
            ClusterRoom one = empty("a", "z1", 1, 1, 0);
            List<SessionRequest> tenths = java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> req("s" + i, 0.1, 0.1, 0)).toList();
            PlacementPlan plan = Placement.placeAll(List.of(one), tenths);
            assertThat(plan.placed()).hasSize(10);
            assertThat(plan.remaining().get(0).free()).isEqualTo(new Resources(0, 4, 0));
        }
    }

    @Nested
    @DisplayName("GPUs")
    class Gpus {

        private final List<ClusterRoom> clusters = List.of(empty("cpu", "z1", 64, 256, 0),
                cluster("gpu", "z1", 64, 256, 4, 16, 64, 2));

        @Test
        @DisplayName("a GPU session goes only where GPUs are free, even to a busier cluster")
        void gpuWhereFree() {
            // cpu is empty (load 0) but has no GPUs; gpu is 75% used but has 2 GPUs free
            assertThat(Placement.place(clusters, req("s1", 4, 16, 1))).isEqualTo(placed("gpu"));
        }

        @Test
        @DisplayName("a session needing more GPUs than are free waits, saying where GPUs are short")
        void tooManyGpus() {
            assertThat(Placement.place(clusters, req("s1", 4, 16, 3))).isEqualTo(new PlacementDecision.Wait(
                    "no cluster has room for 4 CPU, 16 GiB, 3 GPUs now: cpu has only 0 GPUs free; gpu has only 2 GPUs free",
                    true));
        }

        @Test
        @DisplayName("a CPU session spreads by load as usual")
        void cpuSession() {
            assertThat(Placement.place(clusters, req("s1", 4, 16, 0))).isEqualTo(placed("cpu"));
        }
    }

    @Nested
    @DisplayName("zones")
    class Zones {

        // a in z1 is 10% used, b in z2 50%, c in z2 25%
        private final List<ClusterRoom> clusters = List.of(cluster("a", "z1", 100, 100, 0, 90, 90, 0),
                cluster("b", "z2", 100, 100, 0, 50, 50, 0), cluster("c", "z2", 100, 100, 0, 75, 75, 0));

        @Test
        @DisplayName("the preferred zone wins over a less loaded cluster elsewhere; within it, the least loaded")
        void preferredZone() {
            assertThat(Placement.place(clusters, new SessionRequest("s1", Resources.of(1, 1, 0), "z2")))
                    .isEqualTo(placed("c"));
        }

        @Test
        @DisplayName("when nothing fits in the preferred zone, another zone is better than waiting")
        void fallBack() {
            // 80 CPU: only a (90 free) has that; b has 50, c 75
            assertThat(Placement.place(clusters, new SessionRequest("s1", Resources.of(80, 1, 0), "z2")))
                    .isEqualTo(placed("a"));
        }

        @Test
        @DisplayName("an unknown or absent zone means no preference")
        void noPreference() {
            assertThat(Placement.place(clusters, new SessionRequest("s1", Resources.of(1, 1, 0), "z9")))
                    .isEqualTo(placed("a"));
            assertThat(Placement.place(clusters, req("s1", 1, 1, 0))).isEqualTo(placed("a"));
        }
    }

    @Nested
    @DisplayName("spreading")
    class Spreading {

        @Test
        @DisplayName("load is the larger of the CPU and memory shares in use")
        void dominantShare() {
            // a: CPU 20% used, memory 70% -> 0.7; b: CPU 60%, memory 10% -> 0.6: b is less loaded
            List<ClusterRoom> clusters = List.of(cluster("a", "z1", 10, 10, 0, 8, 3, 0),
                    cluster("b", "z1", 10, 10, 0, 4, 9, 0));
            assertThat(clusters).extracting(ClusterRoom::load).containsExactly(0.7, 0.6);
            assertThat(Placement.place(clusters, req("s1", 1, 1, 0))).isEqualTo(placed("b"));
        }

        @Test
        @DisplayName("ties go to the first name, whatever the order the clusters are listed in")
        void tieByName() {
            ClusterRoom a = empty("k8s-a", "z1", 8, 32, 0);
            ClusterRoom b = empty("k8s-b", "z1", 8, 32, 0);
            assertThat(Placement.place(List.of(b, a), req("s1", 1, 1, 0))).isEqualTo(placed("k8s-a"));
            assertThat(Placement.place(List.of(a, b), req("s1", 1, 1, 0))).isEqualTo(placed("k8s-a"));
        }
    }

    @Nested
    @DisplayName("placing a batch")
    class Batch {

        @Test
        @DisplayName("places in order, each seeing what the earlier ones took; those that do not fit wait")
        void batch() {
            // two empty 4 CPU, 16 GiB clusters; five sessions of 2 CPU, 4 GiB:
            // s1 -> a (tie, name); a is 50% used, so s2 -> b; s3 -> a (tie at 50%); s4 -> b; both CPUs are full: s5 waits
            List<ClusterRoom> clusters = List.of(empty("a", "z1", 4, 16, 0), empty("b", "z1", 4, 16, 0));
            List<SessionRequest> requests = java.util.stream.IntStream.rangeClosed(1, 5)
                    .mapToObj(i -> req("s" + i, 2, 4, 0)).toList();
            PlacementPlan plan = Placement.placeAll(clusters, requests);
            assertThat(plan.placed()).extracting(p -> p.request().sessionId(), PlacementPlan.Assignment::cluster)
                    .containsExactly(tuple("s1", "a"), tuple("s2", "b"), tuple("s3", "a"), tuple("s4", "b"));
            assertThat(plan.waiting()).extracting(q -> q.request().sessionId()).containsExactly("s5");
            assertThat(plan.waiting().get(0).why().reason())
                    .isEqualTo("no cluster has room for 2 CPU, 4 GiB, 0 GPUs now: a has only 0 CPU free; b has only 0 CPU free");
            assertThat(plan.remaining()).extracting(ClusterRoom::free)
                    .containsExactly(Resources.of(0, 8, 0), Resources.of(0, 8, 0));
        }

        @Test
        @DisplayName("a small session still goes after a big one had to wait")
        void smallAfterBig() {
            PlacementPlan plan = Placement.placeAll(List.of(empty("a", "z1", 4, 16, 0)),
                    List.of(req("big", 8, 8, 0), req("small", 1, 1, 0)));
            assertThat(plan.placed()).extracting(p -> p.request().sessionId()).containsExactly("small");
            assertThat(plan.waiting()).extracting(q -> q.request().sessionId()).containsExactly("big");
        }
    }

    @Nested
    @DisplayName("input")
    class Input {

        @Test
        @DisplayName("refuses duplicate cluster names, duplicate sessions and more free than allocatable")
        void refused() {
            ClusterRoom a = empty("a", "z1", 4, 16, 0);
            assertThatThrownBy(() -> Placement.place(List.of(a, a), req("s1", 1, 1, 0)))
                    .hasMessage("clusters list a twice");
            assertThatThrownBy(() -> Placement.placeAll(List.of(a), List.of(req("s1", 1, 1, 0), req("s1", 2, 2, 0))))
                    .hasMessage("requests list session s1 twice");
            assertThatThrownBy(() -> cluster("a", "z1", 4, 16, 0, 5, 16, 0))
                    .hasMessage("cluster a has more free (5 CPU, 16 GiB, 0 GPUs) than allocatable (4 CPU, 16 GiB, 0 GPUs)");
            assertThatThrownBy(() -> new Resources(-1, 0, 0)).hasMessage("milliCpu must be at least 0, found -1");
            assertThatThrownBy(() -> new SessionRequest("s1", Resources.NONE, " "))
                    .hasMessage("preferredZone of session s1 must not be blank, found \" \"");
        }

        @Test
        @DisplayName("describes amounts for people")
        void describe() {
            assertThat(Resources.of(4, 16, 1).describe()).isEqualTo("4 CPU, 16 GiB, 1 GPU");
            assertThat(new Resources(1500, 512, 2).describe()).isEqualTo("1500m CPU, 512 MiB, 2 GPUs");
        }
    }
}
