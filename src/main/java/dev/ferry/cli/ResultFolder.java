package dev.ferry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a run's files so that a folder never holds half a run: they are written into a temporary sibling
 * ({@code .NAME.partial-*}) and moved into place when all are written. A new folder is renamed into place whole;
 * into an existing one (a run again into the same --out) the files are moved one by one with the last one
 * ({@code results.json}, which every reader looks for) removed first and moved in last; in a sub-folder it writes
 * ({@code series/}), an earlier run's files that this run does not write are removed. Whatever fails, the
 * temporary folder is removed.
 */
final class ResultFolder {

    /** Writes one file. */
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    private final Path out;
    private final Map<String, Content> files = new LinkedHashMap<>();

    private ResultFolder(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    static ResultFolder at(Path out) {
        return new ResultFolder(out);
    }

    /** Adds a file; the last one added marks a complete folder. */
    ResultFolder with(String name, Content content) {
        files.put(name, content);
        return this;
    }

    /** Checks, before a long run, that the folder can be written: its parent exists or can be created. */
    static void prepare(Path out) {
        Path folder = out.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UserError("--out " + out + " is a file; give a folder for the results", 2);
        }
        try {
            Files.createDirectories(folder.getParent());
        } catch (IOException e) {
            throw new UserError("cannot create output folder " + out + ": " + e.getMessage());
        }
    }

    void write() throws IOException {
        prepare(out);
        Path temporary = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".partial-");
        try {
            for (Map.Entry<String, Content> file : files.entrySet()) {
                Path target = temporary.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                file.getValue().writeTo(target);
            }
            if (!Files.exists(out)) {
                Files.move(temporary, out, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            String last = files.keySet().stream().reduce((a, b) -> b).orElseThrow();
            Files.deleteIfExists(out.resolve(last));
            removeStale(temporary);
            for (String name : files.keySet()) {
                Files.createDirectories(out.resolve(name).getParent());
                Files.move(temporary.resolve(name), out.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            removeIfThere(temporary);
        }
    }

    /** In the sub-folders this run writes (series/), the files of an earlier run that this one does not write. */
    private void removeStale(Path temporary) throws IOException {
        for (String name : files.keySet()) {
            Path sub = Path.of(name).getParent();
            if (sub == null || !Files.isDirectory(out.resolve(sub))) {
                continue;
            }
            try (Stream<Path> old = Files.list(out.resolve(sub))) {
                for (Path p : old.toList()) {
                    if (!Files.exists(temporary.resolve(sub).resolve(p.getFileName()))) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void removeIfThere(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
