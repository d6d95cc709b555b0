package dev.ferry.api.control;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The order of each session's writes, without waiting for any of them. A change is decided under the session's lock
 * against the session's newest record: the one its latest write will make durable, or the store's when no write is
 * pending. The store is handed a session's change only once the session's previous change is durable, so a session's
 * records reach the disk in the order they were decided, whatever order the store completes different sessions' changes
 * in, and one that fails takes the session's later ones with it (they were decided on top of it). Every answer waits
 * for the changes decided before it, a refusal that writes nothing too: nothing is answered from a record that is not
 * durable yet.
 */
final class SessionWrites {

    private static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);
    private static final int STRIPES = 1024;

    /**
     * What one decision comes to: its {@code answer}, and the {@code record} to save (with its new checkpoint's
     * {@code text} as UTF-8, or null) or no record when nothing changes.
     */
    record Decision<T>(T answer, SessionRecord record, byte[] text) {

        static <T> Decision<T> answer(T answer) {
            return new Decision<>(answer, null, null);
        }

        static <T> Decision<T> save(T answer, SessionRecord record, byte[] text) {
            return new Decision<>(answer, java.util.Objects.requireNonNull(record, "record"), text);
        }
    }

    /** A session's newest decided record and the stage of its write (identity matters: see {@link #settle}). */
    private static final class Pending {
        final SessionRecord record;
        final CompletionStage<Void> durable;

        Pending(SessionRecord record, CompletionStage<Void> durable) {
            this.record = record;
            this.durable = durable;
        }
    }

    private final SessionStore store;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[STRIPES];

    SessionWrites(SessionStore store) {
        this.store = store;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Decides with {@code decide} (given the session's newest record, empty if it has none) and saves what it
     * decided after the session's earlier changes. The stage completes with the decision's answer once that change
     * and every earlier one of the session are durable; exceptionally if the store failed one of them.
     */
    <T> CompletionStage<T> write(String id, Function<Optional<SessionRecord>, Decision<T>> decide) {
        synchronized (stripes[Math.floorMod(id.hashCode(), STRIPES)]) {
            Pending before = pending.get(id);
            Optional<SessionRecord> newest = before != null ? Optional.of(before.record) : store.find(id);
            Decision<T> decision = decide.apply(newest);
            CompletionStage<Void> previous = before != null ? before.durable : DONE;
            if (decision.record() == null) {
                return previous.thenApply(v -> decision.answer());
            }
            CompletionStage<Void> durable = previous.thenCompose(v -> store.saveUtf8(decision.record(), decision.text()));
            Pending mine = new Pending(decision.record(), durable);
            pending.put(id, mine);
            // once durable (or failed) the store answers for the session again, unless a newer change is pending
            durable.whenComplete((v, failure) -> settle(id, mine));
            return durable.thenApply(v -> decision.answer());
        }
    }

    /** Changes decided whose writes are not durable yet, one per session at most. */
    int pendingSessions() {
        return pending.size();
    }

    private void settle(String id, Pending done) {
        pending.remove(id, done);
    }
}
