package dev.ferry.migrate.reconcile;

import java.util.Optional;

/**
 * The sessions' leases, as the control plane grants them to the in-session agents (see {@link Takeover}): the only
 * thing that lets the scheduler start a session elsewhere while the cluster it ran on cannot be read.
 */
public interface Leases {

    /** No leases known: the scheduler keeps its safe default and starts nothing while a cluster is out of sight. */
    Leases NONE = sessionId -> Optional.empty();

    /** The session's lease, empty if no instance of it ever held one (or the control plane forgot it). */
    Optional<LeaseStatus> lease(String sessionId);
}
