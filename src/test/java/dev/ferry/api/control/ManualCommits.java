package dev.ferry.api.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A store whose commits the test completes by hand, in any order, or fails, or loses in a crash. What is durable is
 * an {@link InMemorySessionStore}: a change reaches it only when the test commits it, as SQLite's records map is
 * updated only after the commit.
 */
final class ManualCommits implements SessionStore {

    /** A change handed over and not committed yet. */
    record Waiting(SessionRecord record, String text, CompletableFuture<Void> done) {
    }

    final InMemorySessionStore durable = new InMemorySessionStore();
    final List<Waiting> waiting = new ArrayList<>();
    /** Every session a change was handed over for. */
    private final List<String> ids = new ArrayList<>();

    /** Commits the {@code index}-th change waiting (oldest first). */
    void commit(int index) {
        Waiting w = waiting.remove(index);
        durable.save(w.record(), w.text());
        w.done().complete(null);
    }

    /** Fails the {@code index}-th change waiting, as a disk error would. */
    void fail(int index) {
        waiting.remove(index).done().completeExceptionally(new SessionStoreException("disk full", null));
    }

    /** Commits everything waiting, oldest first, and what those commits hand over next. */
    void commitAll() {
        while (!waiting.isEmpty()) {
            commit(0);
        }
    }

    /**
     * The process dies: what was not committed is gone and never answered. Returns the store a restarted server
     * opens: the durable records only.
     */
    ManualCommits crash() {
        waiting.clear();
        ManualCommits restarted = new ManualCommits();
        for (String id : ids) {
            durable.find(id).ifPresent(r -> {
                restarted.ids.add(id);
                restarted.durable.save(r, durable.checkpointText(id).orElse(null));
            });
        }
        return restarted;
    }

    /** The sessions waiting changes are for, in the order they were handed over. */
    List<String> waitingSessions() {
        return waiting.stream().map(w -> w.record().id()).toList();
    }

    @Override
    public Optional<SessionRecord> find(String id) {
        return durable.find(id);
    }

    @Override
    public Optional<String> checkpointText(String id) {
        return durable.checkpointText(id);
    }

    @Override
    public CompletionStage<Void> save(SessionRecord record, String text) {
        if (!ids.contains(record.id())) {
            ids.add(record.id());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(new Waiting(record, text, done));
        return done;
    }

    @Override
    public int size() {
        return durable.size();
    }

    @Override
    public boolean paused() {
        return durable.paused();
    }

    @Override
    public CompletionStage<Void> setPaused(boolean paused) {
        return durable.setPaused(paused);
    }
}
