package dev.ferry.api.store;

import dev.ferry.api.control.SessionRecord;
import dev.ferry.api.control.SessionStore;
import dev.ferry.api.control.SessionStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConfig;

/**
 * A {@link SessionStore} in one SQLite file, {@code ferry.db} in the data folder. WAL journal with
 * {@code synchronous=FULL}: the stage {@link #save} returns completes once the commit is on disk, so an upload
 * answered after it survives the process being killed or the machine losing power. Every session's record is read
 * into memory at open (about 300 bytes each); checkpoint texts stay on disk and are read when asked for.
 */
public final class SqliteSessionStore implements SessionStore, AutoCloseable {

    static final String FILE = "ferry.db";
    private static final String PAUSED = "paused";

    private final ConcurrentHashMap<String, SessionRecord> records = new ConcurrentHashMap<>();
    private final DataFolderLock lock;
    private final Connection reader;
    private final Connection writerConnection;
    private final GroupCommitWriter writer;
    private volatile boolean paused;

    private SqliteSessionStore(DataFolderLock lock, Connection reader, Connection writerConnection)
            throws SQLException {
        this.lock = lock;
        this.reader = reader;
        this.writerConnection = writerConnection;
        load();
        this.writer = new GroupCommitWriter(writerConnection, this::applied);
    }

    /**
     * Opens (creating if need be) the store in {@code dataDir}, which must exist and be writable.
     *
     * @throws IOException  when another server holds the folder, or its lock file cannot be written
     * @throws SQLException when the database cannot be opened or is not Ferry's
     */
    public static SqliteSessionStore open(Path dataDir) throws IOException, SQLException {
        DataFolderLock lock = DataFolderLock.take(dataDir);
        try {
            return open(dataDir, lock);
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static SqliteSessionStore open(Path dataDir, DataFolderLock lock) throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE).toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        Connection writerConnection = config.createConnection(url);
        try (Statement s = writerConnection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, generation INTEGER NOT NULL,"
                    + " written INTEGER NOT NULL, sha256 TEXT NOT NULL, confirmed INTEGER NOT NULL,"
                    + " install INTEGER NOT NULL, activity INTEGER NOT NULL, restored INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS checkpoints (id TEXT PRIMARY KEY, text TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
        writerConnection.setAutoCommit(false);
        Connection reader = config.createConnection(url);
        return new SqliteSessionStore(lock, reader, writerConnection);
    }

    private void load() throws SQLException {
        try (Statement s = reader.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, generation, written, sha256, confirmed, install, activity,"
                        + " restored FROM sessions")) {
            while (rs.next()) {
                SessionRecord r = new SessionRecord(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getInt(6) != 0, rs.getLong(7), rs.getLong(8));
                records.put(r.id(), r);
            }
        }
        try (PreparedStatement s = reader.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            s.setString(1, PAUSED);
            try (ResultSet rs = s.executeQuery()) {
                paused = rs.next() && Boolean.parseBoolean(rs.getString(1));
            }
        }
    }

    private void applied(GroupCommitWriter.Change change) {
        if (change.record() != null) {
            records.put(change.record().id(), change.record());
        } else if (PAUSED.equals(change.setting())) {
            paused = Boolean.parseBoolean(change.value());
        }
    }

    @Override
    public Optional<SessionRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public Optional<String> checkpointText(String id) {
        synchronized (reader) {
            try (PreparedStatement s = reader.prepareStatement("SELECT text FROM checkpoints WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new SessionStoreException("could not read the checkpoint of " + id + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public CompletionStage<Void> save(SessionRecord record, String checkpointText) {
        return saveUtf8(record, checkpointText == null ? null : checkpointText.getBytes(StandardCharsets.UTF_8));
    }

    /** The text is bound as the bytes it came as and kept as TEXT, the database's encoding being UTF-8. */
    @Override
    public CompletionStage<Void> saveUtf8(SessionRecord record, byte[] checkpointUtf8) {
        return writer.write(
                new GroupCommitWriter.Change(record, checkpointUtf8, null, null, new CompletableFuture<>()));
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
        return writer.write(new GroupCommitWriter.Change(null, null, PAUSED, Boolean.toString(paused),
                new CompletableFuture<>()));
    }

    /** Commits what is queued and closes the database. */
    @Override
    public void close() throws SQLException, IOException {
        writer.close();
        synchronized (reader) {
            reader.close();
        }
        writerConnection.close();
        lock.close();
    }
}
