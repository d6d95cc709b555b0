package dev.ferry.tracker.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a checkpoint file's text within stated limits, far above any real environment (10,000
 * packages make about 0.3 MiB): a file over {@link #MAX_BYTES} is refused from its size before
 * any of it is read, and {@link CheckpointFormat} refuses an environment over
 * {@link #MAX_ENTRIES_PER_ENVIRONMENT} entries. So a huge or endless file costs no memory.
 */
public final class CheckpointText {

    /** 16 MiB. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    /** Lines of one environment (baseline, added, removed, changed). */
    public static final int MAX_ENTRIES_PER_ENVIRONMENT = 100_000;

    private CheckpointText() {
    }

    /**
     * The text of {@code path}, or empty when there is no such file.
     *
     * @throws CheckpointException when it is larger than {@link #MAX_BYTES}
     */
    public static Optional<String> read(Path path) throws IOException, CheckpointException {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw tooLarge(path, size);
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(path, -1);
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static CheckpointException tooLarge(Path path, long size) {
        String how = size < 0 ? "grew past " : String.format(Locale.ROOT, "is %.1f MiB, more than ", size / 1048576.0);
        return new CheckpointException(path + " " + how + "the 16 MiB a checkpoint may be (far more than any real"
                + " environment needs); it was not read: check that this is the checkpoint file");
    }
}
