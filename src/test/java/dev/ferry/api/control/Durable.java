package dev.ferry.api.control;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Tests' way to read a change's answer: waits (at most 30 s) until the store has made it durable. */
public final class Durable {

    private Durable() {
    }

    public static <T> T answer(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the change was not made durable: " + e, e);
        }
    }
}
