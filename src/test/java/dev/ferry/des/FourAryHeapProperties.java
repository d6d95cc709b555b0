package dev.ferry.des;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.Assertions;

/**
 * The heap against a sorted set used as a model: any interleaving of adds, removals by token (of
 * pending, taken and already removed events) and takes of the first event gives the same answers.
 */
class FourAryHeapProperties {

    /** {@code kind} 0-4 add, 5-6 take the first, 7-9 remove the {@code pick}-th token ever issued. */
    record Op(int kind, long time, int priority, int pick) {
    }

    /** What the model keeps of an event; {@code sequence} is its add order. */
    record Entry(long time, int priority, long sequence, Runnable task) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::time)
            .thenComparingInt(Entry::priority).thenComparingLong(Entry::sequence);

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.longs().between(0, 30),
                        Arbitraries.integers().between(-1, 1), Arbitraries.integers().between(0, 1000))
                .as(Op::new).list().ofMaxSize(400);
    }

    @Property
    void behavesLikeASortedSet(@ForAll("ops") List<Op> ops) {
        FourAryHeap heap = new FourAryHeap(1); // start tiny so the arrays grow during the run
        TreeSet<Entry> model = new TreeSet<>(ORDER);
        List<Long> tokens = new ArrayList<>();
        List<Entry> issued = new ArrayList<>();
        for (Op op : ops) {
            if (op.kind() < 5) {
                Runnable task = () -> { };
                Entry entry = new Entry(op.time(), op.priority(), issued.size(), task);
                tokens.add(heap.add(op.time(), op.priority(), task));
                issued.add(entry);
                model.add(entry);
            } else if (op.kind() < 7) {
                if (model.isEmpty()) {
                    Assertions.assertThatThrownBy(heap::removeFirst).isInstanceOf(NoSuchElementException.class);
                } else {
                    Entry first = model.pollFirst();
                    assertThat(heap.firstTime()).isEqualTo(first.time());
                    assertThat(heap.removeFirst()).isSameAs(first.task());
                }
            } else if (!tokens.isEmpty()) {
                int i = op.pick() % tokens.size();
                assertThat(heap.remove(tokens.get(i))).isEqualTo(model.remove(issued.get(i)));
            }
            assertThat(heap.size()).isEqualTo(model.size());
        }
        while (!model.isEmpty()) {
            assertThat(heap.removeFirst()).isSameAs(model.pollFirst().task());
        }
        assertThat(heap.isEmpty()).isTrue();
    }
}
