package dev.ferry.tracker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.control.LeaseHolder;
import dev.ferry.api.control.LeaseOutcome;
import dev.ferry.api.control.SessionLeases;
import dev.ferry.time.ManualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * No interleaving of renewals, outages, slow answers, instance starts and stops gives two usable instances of a
 * session: the control plane's lease and the agents alone guarantee it, whatever starts instances (here: at random,
 * with no regard for the lease at all). An instance is usable from its agent's {@code acquired()} until its
 * deadline, its fence or its stop; the check runs at every instant an instance becomes usable, the only instants
 * two usable intervals can begin to overlap.
 */
class ExclusiveLeaseProperties {

    private static final long SECOND = 1_000_000_000L;
    private static final long TTL_MS = 30_000;

    /** One step of the story: {@code kind} 0 advance time, 1 cut an instance off, 2 reconnect it, 3 start a new
     * instance, 4 stop one; {@code who} picks the instance, {@code amount} the seconds to advance (or a new
     * instance's network delays). */
    record Step(int kind, int who, int amount) {
    }

    private static final class Instance {
        final LeaseAgent agent;
        boolean cutOff;
        boolean usable;

        Instance(LeaseAgent agent) {
            this.agent = agent;
        }

        boolean usableAt(long now) {
            return usable && agent.holds() && now < agent.deadlineNanos();
        }
    }

    @Property(tries = 300)
    @Label("never two usable instances, whatever the interleaving of renewals, outages and slow answers")
    void neverTwoUsable(@ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 4) Integer> kinds,
            @ForAll @Size(min = 80, max = 80) List<@IntRange(min = 0, max = 9) Integer> whos,
            @ForAll @Size(min = 80, max = 80) List<@IntRange(min = 0, max = 40) Integer> amounts) {
        ManualTime time = new ManualTime(0, 1_700_000_000_000L);
        SessionLeases leases = new SessionLeases(time, TTL_MS);
        List<Instance> instances = new ArrayList<>();
        int[] overlaps = {0};
        int[] acquisitions = {0};
        for (int k = 0; k < kinds.size(); k++) {
            Step step = new Step(kinds.get(k), whos.get(k), amounts.get(k));
            switch (step.kind()) {
                case 0 -> time.advanceBy(step.amount() * SECOND);
                case 1, 2, 4 -> {
                    if (!instances.isEmpty()) {
                        Instance i = instances.get(step.who() % instances.size());
                        if (step.kind() == 4) {
                            i.agent.stop();
                        } else {
                            i.cutOff = step.kind() == 1;
                        }
                    }
                }
                default -> {
                    // each instance has its own network: its requests take 0-4 s to arrive, its answers 0-8 s to return
                    long requestDelay = (step.amount() % 5) * SECOND;
                    long answerDelay = (step.amount() / 5) * SECOND;
                    Instance[] self = new Instance[1];
                    LeaseHolder holder = new LeaseHolder("place-" + (instances.size() % 3), "i" + instances.size());
                    LeaseLink link = new LeaseLink() {
                        @Override
                        public void renew(Consumer<LeaseAnswer> answered) {
                            // the request reaches the control plane after a delay, its answer comes back after another
                            time.schedule(time.nanos() + requestDelay, () -> {
                                LeaseAnswer answer = self[0].cutOff ? new LeaseAnswer.Failed("cut off")
                                        : translate(leases.renew("s-1", holder));
                                time.schedule(time.nanos() + answerDelay,
                                        () -> answered.accept(self[0].cutOff ? new LeaseAnswer.Failed("lost") : answer));
                            });
                        }

                        @Override
                        public void release() {
                            if (!self[0].cutOff) {
                                leases.release("s-1", holder);
                            }
                        }
                    };
                    self[0] = new Instance(new LeaseAgent(time, time, Runnable::run, link, 10 * SECOND, 2 * SECOND,
                            new LeaseAgent.Listener() {
                                @Override
                                public void acquired() {
                                    acquisitions[0]++;
                                    long now = time.nanos();
                                    for (Instance other : instances) {
                                        if (other != self[0] && other.usableAt(now)) {
                                            overlaps[0]++;
                                        }
                                    }
                                    self[0].usable = true;
                                }

                                @Override
                                public void fenced() {
                                    self[0].usable = false;
                                }
                            }));
                    instances.add(self[0]);
                    self[0].agent.start();
                }
            }
        }
        time.advanceBy(120 * SECOND);
        assertThat(overlaps[0]).isZero();
        long now = time.nanos();
        assertThat(instances.stream().filter(i -> i.usableAt(now)).count()).isLessThanOrEqualTo(1);
    }

    private static LeaseAnswer translate(LeaseOutcome outcome) {
        return outcome instanceof LeaseOutcome.Granted g ? new LeaseAnswer.Granted(g.ttlMillis() * 1_000_000L)
                : new LeaseAnswer.HeldByAnother(((LeaseOutcome.HeldByAnother) outcome).place());
    }
}
