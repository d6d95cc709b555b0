package dev.ferry.api.control;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where the control plane keeps what it was told. {@link #save} and {@link #setPaused} never wait: they return a
 * stage completed once the change is durable as the implementation promises (the SQLite store: on disk, its commits
 * grouped; the in-memory one: at once), or completed exceptionally with a {@link SessionStoreException}. A change is
 * visible to {@link #find} only once its stage completes. {@link SessionWrites} hands a session's changes to the store
 * one after the other, so a store may complete changes of different sessions in any order.
 */
public interface SessionStore {

    /** The session's durable record; empty if none. */
    Optional<SessionRecord> find(String id);

    /** The stored checkpoint's text exactly as uploaded; empty if none. May wait on the disk. */
    Optional<String> checkpointText(String id);

    /** Stores {@code record}, and with it {@code checkpointText} when that is not null (a new checkpoint). */
    CompletionStage<Void> save(SessionRecord record, String checkpointText);

    /**
     * As {@link #save}, with the new checkpoint's text (or null) as the UTF-8 bytes it was uploaded as; a store that
     * keeps bytes overrides it to spare decoding them and encoding them again.
     */
    default CompletionStage<Void> saveUtf8(SessionRecord record, byte[] checkpointUtf8) {
        return save(record, checkpointUtf8 == null ? null : new String(checkpointUtf8, StandardCharsets.UTF_8));
    }

    /** Sessions stored. */
    int size();

    /** Whether an operator paused the migration (the durable setting). */
    boolean paused();

    CompletionStage<Void> setPaused(boolean paused);
}
