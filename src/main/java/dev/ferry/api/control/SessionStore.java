package dev.ferry.api.control;

import java.util.Optional;

/**
 * Where the control plane keeps what it was told. {@link #save} returns only once the change is durable as the
 * implementation promises (the SQLite store: on disk; the in-memory one: never). Calls come from many threads; each
 * session's calls are serialised by {@link ControlPlane}. Failures are {@link SessionStoreException}s.
 */
public interface SessionStore {

    Optional<SessionRecord> find(String id);

    /** The stored checkpoint's text exactly as uploaded; empty if none. */
    Optional<String> checkpointText(String id);

    /** Stores {@code record}, and with it {@code checkpointText} when that is not null (a new checkpoint). */
    void save(SessionRecord record, String checkpointText);

    /** Sessions stored. */
    int size();

    /** Whether an operator paused the migration. */
    boolean paused();

    void setPaused(boolean paused);
}
