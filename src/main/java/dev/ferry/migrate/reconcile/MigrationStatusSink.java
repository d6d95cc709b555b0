package dev.ferry.migrate.reconcile;

/**
 * Where the scheduler publishes its {@link MigrationOverview} after each pass that observed everything (the control
 * plane serves the latest to operators). Called from the scheduler's one thread of control; must not block.
 */
@FunctionalInterface
public interface MigrationStatusSink {

    /** Nobody reads the overview (a one-off plan, a deployment without a control plane). */
    MigrationStatusSink NOBODY = overview -> { };

    void publish(MigrationOverview overview);
}
