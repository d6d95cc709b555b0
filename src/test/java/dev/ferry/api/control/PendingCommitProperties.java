package dev.ferry.api.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.ManualTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever the interleaving of uploads to a few sessions, commits completed in any order (across sessions), failed
 * commits and crashes that lose every commit not done: no generation answered 2xx is ever lost or overtaken by an
 * older one. Checked after every step: each session's durable generation is at least every generation acknowledged
 * for it, and never goes down; a session's acknowledgements come in the order of their generations.
 */
class PendingCommitProperties {

    static final long T0 = 1_795_882_938_000L;
    static final int SESSIONS = 3;

    /** One step of the world. */
    sealed interface Step {
    }

    record Upload(int session, int generation) implements Step {
    }

    /** Commits (or fails) the change waiting at {@code pick} modulo those waiting, if any. */
    record Commit(int pick, boolean fails) implements Step {
    }

    record Crash() implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> upload = Combinators.combine(Arbitraries.integers().between(0, SESSIONS - 1),
                Arbitraries.integers().between(1, 12)).as(Upload::new);
        Arbitrary<Step> commit = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.of(false, false, false, false, true)).as(Commit::new);
        Arbitrary<Step> crash = Arbitraries.just(new Crash());
        return Arbitraries.frequencyOf(
                Tuple.of(6, upload), Tuple.of(6, commit), Tuple.of(1, crash))
                .list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void acknowledgedGenerationsAreNeverLostNorReordered(@ForAll("steps") List<Step> steps) {
        ManualTime time = new ManualTime(0, T0);
        ManualCommits store = new ManualCommits();
        ControlPlane plane = new ControlPlane(store, time);
        Map<String, Long> acknowledged = new HashMap<>();
        Map<String, Long> durableBefore = new HashMap<>();
        List<Sent> open = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Upload u) {
                String id = "s" + u.session();
                open.add(new Sent(id, plane.upload(id, Checkpoints.text(u.generation(), T0)).toCompletableFuture()));
            } else if (step instanceof Commit c && !store.waiting.isEmpty()) {
                int index = c.pick() % store.waiting.size();
                if (c.fails()) {
                    store.fail(index);
                } else {
                    store.commit(index);
                }
            } else if (step instanceof Crash) {
                store = store.crash();
                plane = new ControlPlane(store, time);
                open.clear(); // never answered: the connection died with the process
            }
            collect(open, acknowledged);
            check(store, acknowledged, durableBefore);
        }
        store.commitAll();
        collect(open, acknowledged);
        check(store, acknowledged, durableBefore);
        assertThat(open).as("every upload not lost in a crash is answered once all commits are done").isEmpty();
    }

    /** An upload sent and not answered yet. */
    record Sent(String session, CompletableFuture<UploadOutcome> answer) {
    }

    private static void collect(List<Sent> open, Map<String, Long> acknowledged) {
        for (var it = open.iterator(); it.hasNext(); ) {
            Sent s = it.next();
            if (!s.answer().isDone()) {
                continue;
            }
            it.remove();
            if (s.answer().isCompletedExceptionally()) {
                continue; // a 503: not acknowledged
            }
            UploadOutcome outcome = s.answer().join();
            long g = outcome instanceof UploadOutcome.Created c ? c.generation()
                    : outcome instanceof UploadOutcome.Replaced r ? r.generation()
                    : outcome instanceof UploadOutcome.Confirmed c ? c.generation() : -1;
            if (g >= 0) {
                Long before = acknowledged.put(s.session(), g);
                assertThat(before == null || before <= g)
                        .as("%s acknowledged %d after %d", s.session(), g, before).isTrue();
            }
        }
    }

    private static void check(ManualCommits store, Map<String, Long> acknowledged, Map<String, Long> durableBefore) {
        for (var e : acknowledged.entrySet()) {
            long durable = store.find(e.getKey()).map(SessionRecord::generation).orElse(0L);
            assertThat(durable).as("%s durable against acknowledged", e.getKey()).isGreaterThanOrEqualTo(e.getValue());
            Long before = durableBefore.put(e.getKey(), durable);
            assertThat(before == null || before <= durable).as("%s went back from %d to %d", e.getKey(), before,
                    durable).isTrue();
            assertThat(store.checkpointText(e.getKey())).as("the text of the durable generation")
                    .contains(Checkpoints.text(durable, T0));
        }
    }
}
