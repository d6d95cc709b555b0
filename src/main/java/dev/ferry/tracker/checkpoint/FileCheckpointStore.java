package dev.ferry.tracker.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checkpoints in a file, written durably: the new content goes to a temporary file in the same
 * directory, is forced to disk, the current file becomes {@code FILE.prev}, the temporary file is
 * renamed over {@code FILE}, and the directory is forced too. At every instant one of
 * {@code FILE} and {@code FILE.prev} is a complete, checksummed generation.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private final Path file;
    private final Path previous;
    private final Path temporary;
    private final Consumer<String> warnings;

    /** {@code warnings} hears when a damaged generation was skipped in favour of the previous one. */
    public FileCheckpointStore(Path file, Consumer<String> warnings) {
        this.file = file.toAbsolutePath().normalize();
        this.previous = this.file.resolveSibling(this.file.getFileName() + ".prev");
        this.temporary = this.file.resolveSibling("." + this.file.getFileName() + ".tmp");
        this.warnings = warnings;
    }

    public Path file() {
        return file;
    }

    public Path previousFile() {
        return previous;
    }

    /** Reads exactly {@code FILE}, with no fallback: for commands that act on the file they were given. */
    public Optional<Checkpoint> loadExact() throws IOException, CheckpointException {
        return read(file);
    }

    @Override
    public Optional<Checkpoint> load() throws IOException, CheckpointException {
        Optional<Checkpoint> current;
        try {
            current = read(file);
        } catch (CheckpointException damaged) {
            Optional<Checkpoint> fallback = readPreviousAfter(damaged);
            warnings.accept(damaged.getMessage() + "; using the previous generation "
                    + fallback.get().generation() + " from " + previous);
            return fallback;
        }
        if (current.isPresent()) {
            return current;
        }
        Optional<Checkpoint> prev = read(previous);
        prev.ifPresent(p -> warnings.accept(file + " is missing; using the previous generation "
                + p.generation() + " from " + previous));
        return prev;
    }

    private Optional<Checkpoint> readPreviousAfter(CheckpointException damaged) throws IOException, CheckpointException {
        try {
            Optional<Checkpoint> prev = read(previous);
            if (prev.isEmpty()) {
                throw new CheckpointException(damaged.getMessage() + ", and there is no previous generation ("
                        + previous + " does not exist)");
            }
            return prev;
        } catch (CheckpointException alsoDamaged) {
            if (alsoDamaged.getMessage().startsWith(damaged.getMessage())) {
                throw alsoDamaged;
            }
            throw new CheckpointException(damaged.getMessage() + "; the previous generation is unusable too: "
                    + alsoDamaged.getMessage());
        }
    }

    private static Optional<Checkpoint> read(Path path) throws IOException, CheckpointException {
        Optional<String> text = CheckpointText.read(path);
        return text.isEmpty() ? Optional.empty() : Optional.of(CheckpointFormat.decode(text.get(), path.toString()));
    }

    /**
     * Judges {@code FILE} as it is now, not as it was when last seen (someone may have deleted or
     * damaged it since): a trustworthy {@code FILE} becomes {@code FILE.prev}; a missing one is
     * recreated and an intact {@code FILE.prev} kept; a damaged one is overwritten without pushing
     * the good previous generation out. A {@code FILE} holding a generation as new as
     * {@code checkpoint}'s means another writer got there first: nothing is written.
     *
     * @throws StaleGenerationException when {@code FILE} holds a generation not older than {@code checkpoint}'s
     */
    @Override
    public void write(Checkpoint checkpoint) throws IOException {
        byte[] bytes = CheckpointFormat.encode(checkpoint).getBytes(StandardCharsets.UTF_8);
        Path directory = file.getParent();
        Files.createDirectories(directory);
        FileState state = judge();
        if (state.generation() >= checkpoint.generation()) {
            throw new StaleGenerationException(file + " already holds generation " + state.generation()
                    + ", not older than generation " + checkpoint.generation() + " about to be written: another"
                    + " writer changed it; nothing was written");
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (state.missing() && checkpoint.generation() > 1) {
            warnings.accept(file + " was missing; writing it anew as generation " + checkpoint.generation()
                    + (Files.exists(previous) ? " (" + previous + " kept)" : ""));
        }
        if (state.trusted()) {
            move(file, previous);
        }
        move(temporary, file);
        forceDirectory(directory);
    }

    /** Whether {@code FILE} is on disk now, intact and at {@code generation}. */
    @Override
    public boolean holds(long generation) {
        return judge().generation() == generation;
    }

    /** What {@code FILE} is now: missing, damaged, or a trustworthy generation. */
    private record FileState(long generation) {
        static final FileState MISSING = new FileState(0);
        static final FileState DAMAGED = new FileState(-1);

        boolean trusted() {
            return generation > 0;
        }

        boolean missing() {
            return generation == 0;
        }
    }

    private FileState judge() {
        try {
            return read(file).map(c -> new FileState(c.generation())).orElse(FileState.MISSING);
        } catch (CheckpointException | IOException e) {
            return FileState.DAMAGED;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for reading; the renames are still atomic there.
        }
    }
}
