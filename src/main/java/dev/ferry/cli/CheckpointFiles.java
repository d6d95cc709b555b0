package dev.ferry.cli;

import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointException;
import dev.ferry.tracker.checkpoint.CheckpointText;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.restore.CheckpointValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Reading the checkpoint file a command was given: every problem is a bad input file (exit 2). */
final class CheckpointFiles {

    private CheckpointFiles() {
    }

    /**
     * Loads exactly the file given. A missing or damaged one is an error that says whether the
     * previous generation is intact and, if so, how to use it: {@code useInstead} says how this
     * command is given another file (such as {@code "pass --checkpoint FILE.prev"}).
     */
    static Checkpoint loadExact(Path file, Function<Path, String> useInstead) {
        FileCheckpointStore store = new FileCheckpointStore(file, warning -> { });
        Optional<Checkpoint> checkpoint;
        try {
            checkpoint = Files.exists(file) ? store.loadExact() : Optional.empty();
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage() + previousHint(file, store, useInstead), 2);
        } catch (IOException e) {
            throw new UserError("cannot read checkpoint " + file + ": " + e.getMessage(), 2);
        }
        return checkpoint.orElseThrow(() -> new UserError("checkpoint " + file + " does not exist"
                + previousHint(file, store, useInstead), 2));
    }

    /** The file's text, unchecked but within the size limit, for {@code checkpoint show --raw}. */
    static String readRaw(Path file) {
        try {
            return CheckpointText.read(file).orElseThrow(() ->
                    new UserError("checkpoint " + file + " does not exist", 2));
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (IOException e) {
            throw new UserError("cannot read checkpoint " + file + ": " + e.getMessage(), 2);
        }
    }

    /** Refuses, naming the first bad entry, a checkpoint whose entries must not be let out for {@code use}. */
    static void validate(Path file, Checkpoint checkpoint, CheckpointValidation.Use use, String consequence) {
        CheckpointValidation.refusal(checkpoint, use).ifPresent(refusal -> {
            throw new UserError("checkpoint " + file + ": refusing to " + use.name().toLowerCase(java.util.Locale.ROOT)
                    + " this checkpoint: " + refusal + "; " + consequence, 2);
        });
    }

    private static String previousHint(Path file, FileCheckpointStore store, Function<Path, String> useInstead) {
        Path previous = store.previousFile();
        if (!Files.exists(previous)) {
            return "";
        }
        try {
            Optional<Checkpoint> prev = new FileCheckpointStore(previous, w -> { }).loadExact();
            return prev.map(p -> "; the previous generation " + p.generation() + " in " + previous + " is intact: "
                    + useInstead.apply(previous) + " or copy it back to " + file).orElse("");
        } catch (CheckpointException | IOException e) {
            return "";
        }
    }
}
