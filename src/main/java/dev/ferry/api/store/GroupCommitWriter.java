package dev.ferry.api.store;

import dev.ferry.api.control.SessionRecord;
import dev.ferry.api.control.SessionStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The one thread that writes to the database. Callers hand it a change and get a stage back at once; it takes every
 * change waiting, writes them in one transaction and commits once (one disk sync for the group), then completes each
 * change's stage, in the order they were handed over. A change is visible to readers ({@code applied}) only once it
 * is committed. Changes handed over after {@link #close} fail.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final int MAX_GROUP = 1024;
    private static final String UPSERT_SESSION = "INSERT INTO sessions (id, generation, written, sha256, confirmed,"
            + " install, activity, restored) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
            + " generation = excluded.generation, written = excluded.written, sha256 = excluded.sha256,"
            + " confirmed = excluded.confirmed, install = excluded.install, activity = excluded.activity,"
            + " restored = excluded.restored";
    /** The text comes as its UTF-8 bytes and is kept as TEXT (the CAST adds no conversion: the database is UTF-8). */
    private static final String UPSERT_TEXT = "INSERT INTO checkpoints (id, text) VALUES (?, CAST(? AS TEXT))"
            + " ON CONFLICT(id) DO UPDATE SET text = excluded.text";
    private static final String UPSERT_SETTING = "INSERT INTO settings (name, value) VALUES (?, ?)"
            + " ON CONFLICT(name) DO UPDATE SET value = excluded.value";

    /** One change: a session's record (and its new checkpoint text, UTF-8), or a setting. */
    record Change(SessionRecord record, byte[] text, String setting, String value, CompletableFuture<Void> done) {
    }

    private static final Change STOP = new Change(null, null, null, null, null);

    private final Connection connection;
    private final PreparedStatement sessions;
    private final PreparedStatement texts;
    private final PreparedStatement settings;
    private final Consumer<Change> applied;
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private boolean closed;

    /** Prepares its statements once, for the writer's life (only its thread uses them). */
    GroupCommitWriter(Connection connection, Consumer<Change> applied) throws SQLException {
        this.connection = connection;
        this.sessions = connection.prepareStatement(UPSERT_SESSION);
        this.texts = connection.prepareStatement(UPSERT_TEXT);
        this.settings = connection.prepareStatement(UPSERT_SETTING);
        this.applied = applied;
        this.thread = new Thread(this::run, "ferry-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the change; the stage completes once it is committed (exceptionally if it could not be). */
    CompletionStage<Void> write(Change change) {
        synchronized (queue) {
            if (closed) {
                return CompletableFuture.failedStage(new SessionStoreException("the store is closed", null));
            }
            queue.add(change);
        }
        return change.done();
    }

    private void run() {
        List<Change> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            boolean stop = group.remove(STOP);
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
            if (stop) {
                closeStatements();
                return;
            }
        }
    }

    private void commit(List<Change> group) {
        try {
            for (Change c : group) {
                if (c.record() != null) {
                    bind(sessions, c.record());
                    sessions.addBatch();
                    if (c.text() != null) {
                        texts.setString(1, c.record().id());
                        texts.setBytes(2, c.text());
                        texts.addBatch();
                    }
                } else {
                    settings.setString(1, c.setting());
                    settings.setString(2, c.value());
                    settings.addBatch();
                }
            }
            sessions.executeBatch();
            texts.executeBatch();
            settings.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                sessions.clearBatch();
                texts.clearBatch();
                settings.clearBatch();
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is unusable; every caller is told below
            }
            SessionStoreException failure =
                    new SessionStoreException("the store could not commit: " + e.getMessage(), e);
            group.forEach(c -> c.done().completeExceptionally(failure));
            return;
        }
        for (Change c : group) {
            applied.accept(c);
            c.done().complete(null);
        }
    }

    private static void bind(PreparedStatement s, SessionRecord r) throws SQLException {
        s.setString(1, r.id());
        s.setLong(2, r.generation());
        s.setLong(3, r.writtenAtEpochMillis());
        s.setString(4, r.checkpointSha256());
        s.setLong(5, r.confirmedAtEpochMillis());
        s.setInt(6, r.installInProgress() ? 1 : 0);
        s.setLong(7, r.lastActivityEpochMillis());
        s.setLong(8, r.restoredGeneration());
    }

    private void closeStatements() {
        try {
            sessions.close();
            texts.close();
            settings.close();
        } catch (SQLException e) {
            // the connection is closed next, which frees them anyway
        }
    }

    /** Commits what is queued, then stops the thread. */
    @Override
    public void close() {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
