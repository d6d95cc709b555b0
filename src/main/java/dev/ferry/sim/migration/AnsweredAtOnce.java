package dev.ferry.sim.migration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The simulation's control plane keeps its records in the in-memory store, whose changes are durable, and so
 * answered, before the call returns: the simulation reads each answer on virtual time without waiting. A stage still
 * open would mean a store that waits on something outside the simulated world, which the run cannot allow.
 */
final class AnsweredAtOnce {

    private AnsweredAtOnce() {
    }

    static <T> T answer(CompletionStage<T> stage, String what) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (!future.isDone()) {
            throw new IllegalStateException("the simulation's control plane did not answer " + what
                    + " at once: its store must be the in-memory one");
        }
        return future.join();
    }
}
