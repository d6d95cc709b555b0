package dev.ferry.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest generation the server acknowledged (201 or 200 with {@code {"generation": n}}) per session, as the
 * agents saw it. A simulation writes its own file at its end; {@link LoadCheck} compares them all with the store.
 */
final class Acknowledged {

    private static final Map<String, Long> NEWEST = new ConcurrentHashMap<>();

    private Acknowledged() {
    }

    static void record(String sessionId, long generation) {
        NEWEST.merge(sessionId, generation, Math::max);
    }

    /** Writes {@code acknowledged-<simulation>.txt}: one {@code session generation} line per session. */
    static void write(Path dir, String simulation) throws IOException {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(NEWEST).forEach((s, g) -> out.append(s).append(' ').append(g).append('\n'));
        Files.writeString(dir.resolve("acknowledged-" + simulation + ".txt"), out, StandardCharsets.UTF_8);
    }

    /** Every {@code acknowledged-*.txt} in {@code dir}, the newest generation per session over all of them. */
    static Map<String, Long> readAll(Path dir) throws IOException {
        Map<String, Long> all = new HashMap<>();
        try (var files = Files.newDirectoryStream(dir, "acknowledged-*.txt")) {
            for (Path file : files) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int space = line.indexOf(' ');
                    all.merge(line.substring(0, space), Long.parseLong(line.substring(space + 1)), Math::max);
                }
            }
        }
        return all;
    }
}
