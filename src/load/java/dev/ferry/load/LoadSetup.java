package dev.ferry.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Before the server starts: empties the load folder (a fresh data folder, no acknowledgements of an earlier run) and
 * writes the tokens of {@code COUNT} session agents and an admin. Usage: {@code LoadSetup DIR COUNT}.
 */
public final class LoadSetup {

    private LoadSetup() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir.resolve("data"));
        Agents.create(dir, count);
        System.out.println("load: tokens for " + count + " sessions and an admin in " + dir.resolve(Agents.TOKENS_FILE));
    }
}
