package dev.ferry.des;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The kernel's order as a property: whatever is scheduled, events run as the schedule calls sorted
 * stably by (time, priority). Times come mostly from a narrow range so that ties are common, and
 * sometimes from the whole range; priorities include the extremes.
 */
class EventOrderProperties {

    /** One schedule call; {@code cancelled} ones are cancelled before the run. */
    record Call(long time, int priority, boolean cancelled) {
    }

    private static final Comparator<Call> TIME_THEN_PRIORITY =
            Comparator.comparingLong(Call::time).thenComparingInt(Call::priority);

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Long> times = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.longs().between(0, 20)),
                Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)));
        Arbitrary<Integer> priorities = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(-2, 2)),
                Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE)));
        Arbitrary<Boolean> cancelled = Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
        return Combinators.combine(times, priorities, cancelled).as(Call::new).list().ofMaxSize(300);
    }

    @Property
    void eventsRunInTheStableOrderOfTimeThenPriority(@ForAll("calls") List<Call> calls) {
        List<Call> uncancelled = calls.stream().map(c -> new Call(c.time(), c.priority(), false)).toList();
        assertThat(run(uncancelled)).containsExactlyElementsOf(expected(uncancelled));
    }

    @Property
    void cancelledEventsDropOutAndTheRestKeepTheirOrder(@ForAll("calls") List<Call> calls) {
        assertThat(run(calls)).containsExactlyElementsOf(expected(calls));
    }

    /** Schedules every call, cancels the marked ones, runs, and returns the call indices in run order. */
    private static List<Integer> run(List<Call> calls) {
        Kernel kernel = new Kernel(0);
        List<Integer> order = new ArrayList<>();
        List<Timer.Scheduled> handles = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            int id = i;
            handles.add(kernel.schedule(calls.get(i).time(), calls.get(i).priority(), () -> order.add(id)));
        }
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).cancelled()) {
                handles.get(i).cancel();
            }
        }
        kernel.run();
        return order;
    }

    /** The indices of the uncancelled calls, sorted stably (List.sort is a stable merge sort). */
    private static List<Integer> expected(List<Call> calls) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (!calls.get(i).cancelled()) {
                indices.add(i);
            }
        }
        indices.sort(Comparator.comparing(calls::get, TIME_THEN_PRIORITY));
        return indices;
    }
}
