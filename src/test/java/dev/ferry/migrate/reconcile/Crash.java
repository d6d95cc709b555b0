package dev.ferry.migrate.reconcile;

/** Thrown by the fakes to stop a scheduler in the middle of a pass, as a process crash would. */
final class Crash extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Crash() {
        super("simulated scheduler crash");
    }
}
