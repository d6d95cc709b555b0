package dev.ferry.tracker.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.ManualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the notebook server reports, whenever uploads land and the control plane fails: never backwards. */
class ForwardInTimeProperties {

    private static final long SECOND = 1_000_000_000L;

    /** One period of the run: what the notebook server reports, whether a checkpoint upload lands, whether sends fail. */
    record Step(long activityMillis, boolean readFails, boolean uploadLands, boolean sendFails) {
    }

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.longs().between(0, 10_000),
                Arbitraries.of(true, false, false, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false, false)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void sentTimesNeverGoBackwardsAndTheNewestAcceptedIsForwarded(@ForAll("runs") List<Step> run) {
        ManualTime time = new ManualTime();
        Step[] current = {run.get(0)};
        List<Long> accepted = new ArrayList<>();
        List<Long> sent = new ArrayList<>();
        ActivitySource source = new ActivitySource() {
            @Override
            public void read(Consumer<ActivityReading> answered) {
                answered.accept(current[0].readFails() ? new ActivityReading.Failed("down")
                        : new ActivityReading.Seen(current[0].activityMillis()));
            }

            @Override
            public String describe() {
                return "notebook";
            }
        };
        ActivitySink sink = new ActivitySink() {
            @Override
            public void send(long epochMillis, Consumer<Optional<String>> answered) {
                sent.add(epochMillis);
                if (current[0].sendFails()) {
                    answered.accept(Optional.of("down"));
                } else {
                    accepted.add(epochMillis);
                    answered.accept(Optional.empty());
                }
            }

            @Override
            public String describe() {
                return "control plane";
            }
        };
        ActivityRelay relay = new ActivityRelay(time, time, Runnable::run, source, sink, SECOND, w -> { });
        relay.start();
        long newestRead = Long.MIN_VALUE;
        for (int i = 0; i < run.size(); i++) {
            current[0] = run.get(i);
            if (i > 0) {
                time.advanceBy(SECOND);
            }
            if (!current[0].readFails()) {
                newestRead = Math.max(newestRead, current[0].activityMillis());
            }
            if (current[0].uploadLands()) {
                relay.checkpointUploaded();
            }
        }
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i)).as("sent %s", sent).isGreaterThanOrEqualTo(sent.get(i - 1));
        }
        // a clean period at the end: the newest time read is the one forwarded
        current[0] = new Step(Long.MIN_VALUE + 1, true, false, false);
        time.advanceBy(SECOND);
        if (newestRead != Long.MIN_VALUE) {
            assertThat(relay.forwardedEpochMillis()).isEqualTo(newestRead);
        }
    }
}
