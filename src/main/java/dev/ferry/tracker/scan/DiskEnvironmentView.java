package dev.ferry.tracker.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An environment directory on the local disk. */
public final class DiskEnvironmentView implements EnvironmentView {

    /** Metadata files are small; a larger one is read only this far. */
    private static final int MAX_METADATA_BYTES = 1 << 20;

    private final Path root;

    public DiskEnvironmentView(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public List<String> list() throws IOException {
        return listDirectory(root);
    }

    @Override
    public List<String> list(String relativeDirectory) throws IOException {
        try {
            return listDirectory(root.resolve(relativeDirectory));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
    }

    private static List<String> listDirectory(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Override
    public boolean isFile(String relativePath) {
        return Files.isRegularFile(root.resolve(relativePath));
    }

    @Override
    public boolean isDirectory(String relativePath) {
        return Files.isDirectory(root.resolve(relativePath));
    }

    @Override
    public Optional<String> readText(String relativePath) {
        Path file = root.resolve(relativePath);
        try (var in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_METADATA_BYTES);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
