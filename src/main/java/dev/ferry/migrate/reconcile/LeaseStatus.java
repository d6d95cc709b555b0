package dev.ferry.migrate.reconcile;

import java.util.Objects;

/**
 * A session's lease as the control plane holds it: where the instance holding it runs ({@link #SOURCE}, or a
 * target cluster's name), since when that holder has held it, and until when (a released lease expired when it was
 * released). Instants are the control plane's epoch ms.
 *
 * @param place             {@link #SOURCE} or the name of the cluster the holding instance runs on
 * @param acquiredAtMillis  when this holder took the lease (renewals keep it)
 * @param expiresAtMillis   when it expires unless renewed
 * @param released          whether its holder gave it back (stopped cleanly) rather than letting it run out
 */
public record LeaseStatus(String place, long acquiredAtMillis, long expiresAtMillis, boolean released) {

    /** The place of an instance running on the source orchestrator. */
    public static final String SOURCE = "source";

    public LeaseStatus {
        Objects.requireNonNull(place, "place");
        if (expiresAtMillis < acquiredAtMillis) {
            throw new IllegalArgumentException("a lease cannot expire (" + expiresAtMillis + ") before it was taken ("
                    + acquiredAtMillis + ")");
        }
    }

    public boolean onSource() {
        return SOURCE.equals(place);
    }
}
