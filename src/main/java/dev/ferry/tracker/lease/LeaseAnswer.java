package dev.ferry.tracker.lease;

/** What became of one lease request, in the agent's terms (the link translates status codes and network errors). */
public sealed interface LeaseAnswer {

    /** The lease is this instance's for {@code ttlNanos} from the moment the request was sent. */
    record Granted(long ttlNanos) implements LeaseAnswer {
        public Granted {
            if (ttlNanos <= 0) {
                throw new IllegalArgumentException("a granted lease lasts more than 0 ns, found " + ttlNanos);
            }
        }
    }

    /** Another instance of the session holds the lease. */
    record HeldByAnother(String place) implements LeaseAnswer {
    }

    /** No answer (unreachable, timed out) or a server error: this instance does not know whether it holds it. */
    record Failed(String detail) implements LeaseAnswer {
    }
}
