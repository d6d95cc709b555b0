package dev.ferry.api.control;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SessionStore} in memory, for the simulation and tests: every change is applied and its stage completed
 * before {@link #save} returns, so callers on virtual time see each answer at once. Nothing survives the process.
 */
public final class InMemorySessionStore implements SessionStore {

    private static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);

    private final ConcurrentHashMap<String, SessionRecord> records = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();
    private volatile boolean paused;

    @Override
    public Optional<SessionRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public Optional<String> checkpointText(String id) {
        return Optional.ofNullable(texts.get(id));
    }

    @Override
    public CompletionStage<Void> save(SessionRecord record, String checkpointText) {
        if (checkpointText != null) {
            texts.put(record.id(), checkpointText);
        }
        records.put(record.id(), record);
        return DONE;
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public CompletionStage<Void> setPaused(boolean paused) {
        this.paused = paused;
        return DONE;
    }
}
