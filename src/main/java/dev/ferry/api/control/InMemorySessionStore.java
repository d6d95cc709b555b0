package dev.ferry.api.control;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionStore} in memory, for the simulation and tests: nothing survives the process. */
public final class InMemorySessionStore implements SessionStore {

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
    public void save(SessionRecord record, String checkpointText) {
        if (checkpointText != null) {
            texts.put(record.id(), checkpointText);
        }
        records.put(record.id(), record);
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
    public void setPaused(boolean paused) {
        this.paused = paused;
    }
}
