package dev.ferry.tracker.scan;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The little a scanner needs of an environment directory. Paths are relative to it and use
 * {@code /}. A real implementation reads the disk; the simulation keeps the tree in memory.
 */
public interface EnvironmentView {

    /** Where the environment is, for messages and checkpoints (an absolute path on disk). */
    String location();

    /** Names of the entries directly in the environment directory. */
    List<String> list() throws IOException;

    /** Whether {@code relativePath} names an existing regular file. */
    boolean isFile(String relativePath);

    /** Whether {@code relativePath} names an existing directory. */
    boolean isDirectory(String relativePath);

    /** The text of a file, or empty if it does not exist or cannot be read. */
    Optional<String> readText(String relativePath);

    /** Names of the entries in a sub-directory, empty if it does not exist. */
    List<String> list(String relativeDirectory) throws IOException;
}
