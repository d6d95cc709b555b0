package dev.ferry.tracker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.ManualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("lease agent: renews on the timer, fences when it could not renew for the TTL")
class LeaseAgentTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long TTL = 300 * SECOND;
    private static final long RENEW = 100 * SECOND;
    private static final long RETRY = 10 * SECOND;

    /** A control plane the test answers by hand: each request waits in {@code pending} until answered. */
    private final class Link implements LeaseLink {
        final List<Long> sentAt = new ArrayList<>();
        final List<Consumer<LeaseAnswer>> pending = new ArrayList<>();
        LeaseAnswer auto;
        int releases;

        @Override
        public void renew(Consumer<LeaseAnswer> answered) {
            sentAt.add(time.nanos());
            if (auto != null) {
                answered.accept(auto);
            } else {
                pending.add(answered);
            }
        }

        @Override
        public void release() {
            releases++;
        }
    }

    private final ManualTime time = new ManualTime();
    private final Link link = new Link();
    private final List<String> heard = new ArrayList<>();
    private final LeaseAgent agent = new LeaseAgent(time, time, Runnable::run, link, RENEW, RETRY,
            new LeaseAgent.Listener() {
                @Override
                public void acquired() {
                    heard.add("acquired@" + time.nanos() / SECOND);
                }

                @Override
                public void fenced() {
                    heard.add("fenced@" + time.nanos() / SECOND);
                }
            });

    @Test
    @DisplayName("granted: the instance may start; it renews every period and never fences while renewals get through")
    void renewsWhileReachable() {
        link.auto = new LeaseAnswer.Granted(TTL);
        agent.start();
        time.advanceTo(3_600 * SECOND);

        assertThat(heard).containsExactly("acquired@0");
        assertThat(link.sentAt).hasSize(37).startsWith(0L, RENEW, 2 * RENEW);
        assertThat(agent.holds()).isTrue();
    }

    @Test
    @DisplayName("unreachable from 150 s: it keeps trying every 10 s and fences at 400 s, the TTL after its last "
            + "granted request was sent (at 100 s)")
    void fencesTheTtlAfterTheLastGrantedRequestWasSent() {
        link.auto = new LeaseAnswer.Granted(TTL);
        agent.start();
        time.advanceTo(150 * SECOND);
        link.auto = new LeaseAnswer.Failed("unreachable");
        time.advanceTo(1_000 * SECOND);

        // granted at 0 and 100; failed at 200, then every 10 s up to 390; fenced at 100 + 300
        assertThat(heard).containsExactly("acquired@0", "fenced@400");
        assertThat(link.sentAt.get(link.sentAt.size() - 1)).isEqualTo(390 * SECOND);
        assertThat(agent.fenced()).isTrue();
        assertThat(agent.holds()).isFalse();
    }

    @Test
    @DisplayName("a request that never gets an answer does not keep the instance running past its lease")
    void hangingRequest() {
        link.auto = new LeaseAnswer.Granted(TTL);
        agent.start();
        link.auto = null; // the renewal at 100 s hangs
        time.advanceTo(1_000 * SECOND);

        assertThat(heard).containsExactly("acquired@0", "fenced@300");
        assertThat(link.sentAt).containsExactly(0L, RENEW);
    }

    @Test
    @DisplayName("a grant that arrives after the TTL it grants has passed fences at once")
    void lateGrant() {
        agent.start();
        time.advanceTo(TTL);
        link.pending.get(0).accept(new LeaseAnswer.Granted(TTL));

        assertThat(heard).containsExactly("fenced@300");
    }

    @Test
    @DisplayName("held by another instance: it waits, retrying, and the instance starts only once it holds the lease")
    void waitsForTheLease() {
        link.auto = new LeaseAnswer.HeldByAnother("source");
        agent.start();
        time.advanceTo(35 * SECOND);
        link.auto = new LeaseAnswer.Granted(TTL);
        time.advanceTo(45 * SECOND);

        assertThat(heard).containsExactly("acquired@40");
        assertThat(link.sentAt).containsExactly(0L, 10 * SECOND, 20 * SECOND, 30 * SECOND, 40 * SECOND);
    }

    @Test
    @DisplayName("once held, a refusal means the lease was lost: it fences at once")
    void lostLease() {
        link.auto = new LeaseAnswer.Granted(TTL);
        agent.start();
        link.auto = new LeaseAnswer.HeldByAnother("k8s-a1");
        time.advanceTo(150 * SECOND);

        assertThat(heard).containsExactly("acquired@0", "fenced@100");
    }

    @Test
    @DisplayName("stopped cleanly: it gives the lease back once and renews no more; a fenced one gives nothing back")
    void stop() {
        link.auto = new LeaseAnswer.Granted(TTL);
        agent.start();
        agent.stop();
        agent.stop();
        time.advanceTo(1_000 * SECOND);

        assertThat(link.releases).isEqualTo(1);
        assertThat(link.sentAt).containsExactly(0L);
        assertThat(heard).containsExactly("acquired@0");
    }
}
