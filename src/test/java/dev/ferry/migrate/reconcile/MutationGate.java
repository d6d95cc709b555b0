package dev.ferry.migrate.reconcile;

/** Shared by the fakes: how many more mutating calls may go through before the scheduler "crashes". */
final class MutationGate {

    private long remaining = Long.MAX_VALUE;
    private long total;

    void allow(long mutations) {
        remaining = mutations;
    }

    void unlimited() {
        remaining = Long.MAX_VALUE;
    }

    /** Called before each mutation; throws {@link Crash} once the allowance is used up. */
    void pass() {
        if (remaining <= 0) {
            throw new Crash();
        }
        remaining--;
        total++;
    }

    long total() {
        return total;
    }
}
