package dev.ferry.tracker.lease;

import java.util.function.Consumer;

/**
 * How one instance's agent reaches the control plane's lease for its session. {@link #renew} must return at once
 * and call {@code answered} exactly once, from any thread, within a bounded time (a timeout is
 * {@link LeaseAnswer.Failed}); {@link #release} is best effort and never waits.
 */
public interface LeaseLink {

    void renew(Consumer<LeaseAnswer> answered);

    void release();
}
