package dev.ferry.cli;

import dev.ferry.tracker.scan.DiskEnvironmentView;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.NotAnEnvironmentException;
import dev.ferry.tracker.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens the environment directories named on a command line, with one clear error for each way that fails. */
final class Environments {

    private Environments() {
    }

    static Scanner open(Path dir) {
        requireNamed(dir);
        if (!Files.exists(dir)) {
            throw new UserError("environment " + dir + " does not exist; give a venv's site-packages or an R library", 2);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError("environment " + dir + " is a file, not a directory; give a venv's site-packages"
                    + " or an R library", 2);
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new UserError("environment " + dir + " is not readable by this user", 2);
        }
        DiskEnvironmentView view = new DiskEnvironmentView(dir);
        try {
            return new Scanner(view, EnvironmentKind.detect(view));
        } catch (NotAnEnvironmentException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (IOException e) {
            throw new UserError("cannot list environment " + dir + ": " + e.getMessage(), 2);
        }
    }

    static List<Scanner> openAll(List<Path> dirs) {
        List<Scanner> scanners = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        dirs.forEach(Environments::requireNamed);
        for (Path dir : dirs) {
            Path normalized = dir.toAbsolutePath().normalize();
            if (seen.contains(normalized)) {
                throw new UserError("environment " + dir + " is given twice", 2);
            }
            seen.add(normalized);
            scanners.add(open(dir));
        }
        return scanners;
    }

    /** Path.of("") is the current folder: an unset shell variable ({@code --env "$SITE"}) would scan the wrong tree. */
    private static void requireNamed(Path dir) {
        if (dir.toString().isBlank()) {
            throw new UserError("--env is empty; give a venv's site-packages or an R library (write '.' for the"
                    + " current folder)", 2);
        }
    }
}
