package dev.ferry.migrate.reconcile;

/**
 * What operators decide about the whole migration, read by the scheduler at the start of every pass. While the
 * migration is paused no new migration starts (and no notice is withheld: the deadline still stands); migrations
 * already in flight go on to their end, done or rolled back, as usual, since leaving a session halfway (its source
 * stopped, its target not yet verified) would disrupt its user more than finishing. A pause asks for no wake-up of
 * its own, so whoever owns the scheduler's timer runs a pass when the migration is resumed (otherwise the next pass,
 * at most the policy's longest sleep away, sees it).
 */
@FunctionalInterface
public interface MigrationControl {

    /** A migration no operator can pause (no control plane in the deployment). */
    MigrationControl NEVER_PAUSED = () -> false;

    /** Whether an operator has paused the migration. */
    boolean paused();
}
