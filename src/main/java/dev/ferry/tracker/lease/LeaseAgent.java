package dev.ferry.tracker.lease;

import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Keeps one instance's lease on its session, and fences the instance when it cannot. The instance may become usable
 * only once {@link Listener#acquired()} was heard; from then on the agent renews every {@code renewEveryNanos} and,
 * when no renewal got through for the TTL, calls {@link Listener#fenced()} (stop the kernels, stop writing the home)
 * and never renews again. The TTL is counted from the moment the last granted request was <em>sent</em>, on this
 * instance's own monotonic clock, so the instance stops no later than the control plane lets the lease expire
 * (give or take the clocks' rate difference over one TTL, which the scheduler's safety margin covers).
 *
 * <p>A request refused because another instance holds the lease is retried every {@code retryEveryNanos} until
 * this instance gets it; once held, a refusal means it was lost, and the agent fences at once. At most one request
 * is in flight. Entry points and answers (through {@code callbacks}) run on the timer's thread of control.
 */
public final class LeaseAgent {

    /** What the instance does when the lease is first held, and when it must stop. */
    public interface Listener {
        void acquired();

        void fenced();
    }

    private final Clock clock;
    private final Timer timer;
    private final Executor callbacks;
    private final LeaseLink link;
    private final long renewEveryNanos;
    private final long retryEveryNanos;
    private final Listener listener;

    private boolean acquired;
    private boolean fenced;
    private boolean stopped;
    private boolean inFlight;
    private long deadline = Long.MAX_VALUE;
    private Timer.Scheduled wake;
    private long wakeAt;

    /**
     * @param renewEveryNanos how long after a granted request the next one goes (well under the TTL: a third of it
     *                        tolerates two lost renewals)
     * @param retryEveryNanos how long after a failed or refused request the next one goes
     */
    public LeaseAgent(Clock clock, Timer timer, Executor callbacks, LeaseLink link, long renewEveryNanos,
            long retryEveryNanos, Listener listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.link = Objects.requireNonNull(link, "link");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (renewEveryNanos <= 0 || retryEveryNanos <= 0) {
            throw new IllegalArgumentException("renewal and retry periods must be more than 0 ns");
        }
        this.renewEveryNanos = renewEveryNanos;
        this.retryEveryNanos = retryEveryNanos;
    }

    /** Asks for the lease now. */
    public void start() {
        send();
    }

    /** The instance stopped cleanly: no more renewals, and a held lease is given back. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        cancelWake();
        if (acquired && !fenced) {
            link.release();
        }
    }

    public boolean holds() {
        return acquired && !fenced && !stopped;
    }

    public boolean fenced() {
        return fenced;
    }

    /** Until when (this clock's nanos) the instance may run without another renewal; {@code Long.MAX_VALUE} before. */
    public long deadlineNanos() {
        return deadline;
    }

    private void send() {
        if (inFlight || stopped || fenced) {
            return;
        }
        inFlight = true;
        long sentAt = clock.nanos();
        link.renew(answer -> callbacks.execute(() -> answered(sentAt, answer)));
        if (inFlight && acquired) {
            wakeAt(deadline); // an answer that never comes must not keep the instance running past its lease
        }
    }

    private void answered(long sentAt, LeaseAnswer answer) {
        inFlight = false;
        if (stopped || fenced) {
            return;
        }
        long now = clock.nanos();
        if (answer instanceof LeaseAnswer.Granted g) {
            deadline = sentAt + g.ttlNanos();
            if (now >= deadline) {
                fence(); // granted, but the answer took the whole TTL: too late to count on it
                return;
            }
            wakeAt(Math.min(sentAt + renewEveryNanos, deadline));
            if (!acquired) {
                acquired = true;
                listener.acquired();
            }
        } else if (answer instanceof LeaseAnswer.HeldByAnother && acquired) {
            fence();
        } else {
            wakeAt(acquired ? Math.min(now + retryEveryNanos, deadline) : now + retryEveryNanos);
        }
    }

    private void onWake() {
        wake = null;
        if (stopped || fenced) {
            return;
        }
        if (acquired && clock.nanos() >= deadline) {
            fence();
        } else {
            send();
        }
    }

    private void fence() {
        fenced = true;
        cancelWake();
        listener.fenced();
    }

    private void wakeAt(long atNanos) {
        long at = Math.max(atNanos, clock.nanos());
        if (wake != null && wakeAt == at) {
            return;
        }
        cancelWake();
        wakeAt = at;
        wake = timer.schedule(at, this::onWake);
    }

    private void cancelWake() {
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
    }
}
