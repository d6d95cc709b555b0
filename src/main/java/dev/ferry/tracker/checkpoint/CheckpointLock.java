package dev.ferry.tracker.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one writer of a checkpoint: an exclusive OS lock on {@code FILE.lock} beside it, held for a
 * tracker's life and for a restore. The lock file names its holder (PID, host, command, since
 * when) so that a refused writer can say who holds it. The operating system releases the lock
 * when its process dies, however it dies, so the lock of a dead process is taken over safely;
 * the file itself is never deleted (deleting it would let two writers lock two different files).
 */
public final class CheckpointLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private CheckpointLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of checkpoint {@code file}. */
    public static Path lockFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock of checkpoint {@code file} for {@code command} (such as "ferry track"),
     * without waiting.
     *
     * @param sinceEpochMillis when, by the caller's clock, recorded for whoever is refused
     * @throws CheckpointLockedException when another writer holds it, naming that writer
     */
    public static CheckpointLock acquire(Path file, String command, long sinceEpochMillis)
            throws IOException, CheckpointLockedException {
        Path path = lockFile(file);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new CheckpointLockedException(refusal(file, "another command in this process ("
                    + ProcessHandle.current().pid() + ")"));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new CheckpointLockedException(refusal(file, holder.isEmpty() ? "another process" : holder));
        }
        String me = "pid " + ProcessHandle.current().pid() + " on " + hostName() + ", " + command + ", since "
                + Instant.ofEpochMilli(sinceEpochMillis) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new CheckpointLock(channel, lock);
    }

    private static String refusal(Path file, String holder) {
        return "checkpoint " + file + " is in use by " + holder + "; only one tracker or restore may write a"
                + " checkpoint at a time: stop that one first (its lock is " + lockFile(file) + ")";
    }

    /** What the holder wrote into the lock file, on one line; empty if nothing readable. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "?");
    }

    /** This machine's name as the kernel has it (a container's pod name on Kubernetes), or "an unknown host". */
    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return "host " + name;
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no /proc: the PID alone still names the holder on this machine.
        }
        return "an unknown host";
    }

    /** Releases the lock; the file stays, emptied, for the next writer. Closing twice does nothing more. */
    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
        } finally {
            lock.release();
            channel.close();
        }
    }
}
