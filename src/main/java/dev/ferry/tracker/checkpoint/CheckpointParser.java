package dev.ferry.tracker.checkpoint;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads the lines of a checkpoint body whose checksum matched; every error names the line. */
final class CheckpointParser {
    private final String[] lines;
    private final String source;
    private final boolean build;
    private int index;

    /** With {@code build} false it checks everything but returns no environments. */
CheckpointParser(String body, String source, boolean build) {
        this.lines = body.split("\n", -1);
        this.source = source;
        this.build = build;
    }

    Checkpoint parse() throws CheckpointException {
        String magic = next("'" + CheckpointFormat.MAGIC + " " + CheckpointFormat.VERSION + "'");
        if (!magic.equals(CheckpointFormat.MAGIC + " " + CheckpointFormat.VERSION)) {
            throw error("expected '" + CheckpointFormat.MAGIC + " " + CheckpointFormat.VERSION + "', found '" + magic
                    + "' (a checkpoint of another format version?)");
        }
        long generation = parseLong(value(next("'generation N'"), "generation"), "generation");
        if (generation < 1) {
            throw error("generation must be 1 or more, found " + generation);
        }
        String written = value(next("'written TIME'"), "written");
        long writtenAt;
        try {
            writtenAt = Instant.parse(written).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw error("'" + written + "' is not a time like 2026-11-28T16:08:35.123Z");
        } catch (ArithmeticException e) {
            throw error("'" + written + "' is too far from today to be a checkpoint's time");
        }
        List<EnvironmentState> environments = new ArrayList<>();
        while (true) {
            String line = nextOrNull();
            if (line == null) {
                break;
            }
            if (line.isEmpty()) {
                continue;
            }
            EnvironmentState environment = environment(line);
            if (build) {
                environments.add(environment);
            }
        }
        return new Checkpoint(generation, writtenAt, environments);
    }

    private EnvironmentState environment(String header) throws CheckpointException {
        String[] parts = header.split(" ", 3);
        if (parts.length < 3 || !parts[0].equals("environment")) {
            throw error("expected 'environment KIND PATH', found '" + header + "'");
        }
        EnvironmentKind kind;
        try {
            kind = EnvironmentKind.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error("unknown environment kind '" + parts[1] + "' (python or r)");
        }
        String location = parts[2];
        // sorted maps only when the package sets are built; a hash map checks the same rules quicker
        Map<String, String> baseline = build ? new TreeMap<>() : new HashMap<>();
        PackageDiff diff = new PackageDiff(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        for (int entries = 0; ; entries++) {
            String line = next("'end' closing the environment " + location);
            if (line.equals("end")) {
                break;
            }
            if (entries == CheckpointText.MAX_ENTRIES_PER_ENVIRONMENT) {
                throw error("the environment " + location + " has more than "
                        + CheckpointText.MAX_ENTRIES_PER_ENVIRONMENT + " entries, the most a checkpoint may hold per environment (far more than any real"
                        + " environment has)");
            }
            String[] tokens = line.split(" ");
            if (tokens.length == 0 || tokens[0].isEmpty()) {
                throw error("expected 'baseline', 'added', 'removed' or 'changed' and a package, or 'end', found '"
                        + line + "'");
            }
            String tag = tokens[0];
            int expected = tag.equals("changed") ? 4 : 3;
            if (tokens.length != expected) {
                throw error("expected '" + tag + (expected == 4 ? " NAME FROM TO" : " NAME VERSION") + "', found '" + line + "'");
            }
            String name = tokens[1];
            switch (tag) {
                case "baseline" -> putOnce(baseline, name, tokens[2]);
                case "added" -> putOnce(diff.added(), name, tokens[2]);
                case "removed" -> putOnce(diff.removed(), name, tokens[2]);
                case "changed" -> {
                    if (diff.changed().put(name, new PackageDiff.Change(tokens[2], tokens[3])) != null) {
                        throw error(name + " is listed twice");
                    }
                }
                default -> throw error("unknown line '" + line + "' (baseline, added, removed, changed or end)");
            }
        }
        for (String name : diff.removed().keySet()) {
            if (!baseline.containsKey(name)) {
                throw error("'removed " + name + "' but " + name + " is not in the baseline");
            }
        }
        for (var change : diff.changed().entrySet()) {
            if (!change.getValue().from().equals(baseline.get(change.getKey()))) {
                throw error("'changed " + change.getKey() + "' from a version the baseline does not have");
            }
        }
        for (String name : diff.added().keySet()) {
            if (baseline.containsKey(name)) {
                throw error("'added " + name + "' but " + name + " is already in the baseline");
            }
        }
        if (location.indexOf('\r') >= 0) {
            throw error("the environment location contains a carriage return");
        }
        if (!build) {
            return null;
        }
        PackageSet base = PackageSet.of(baseline);
        return new EnvironmentState(location, kind, base, diff.applyTo(base));
    }

    private void putOnce(Map<String, String> map, String name, String version) throws CheckpointException {
        if (map.put(name, version) != null) {
            throw error(name + " is listed twice");
        }
    }

    private String value(String line, String key) throws CheckpointException {
        if (!line.startsWith(key + " ")) {
            throw error("expected '" + key + " ...', found '" + line + "'");
        }
        return line.substring(key.length() + 1).trim();
    }

    private long parseLong(String text, String what) throws CheckpointException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(what + " '" + text + "' is not a number");
        }
    }

    private String nextOrNull() {
        while (index < lines.length) {
            String line = lines[index++];
            if (!line.startsWith("#")) {
                return line;
            }
        }
        return null;
    }

    private String next(String what) throws CheckpointException {
        String line;
        do {
            line = nextOrNull();
            if (line == null) {
                throw new CheckpointException(source + ": ended where " + what + " was expected");
            }
        } while (line.isEmpty());
        return line;
    }

    private CheckpointException error(String message) {
        return new CheckpointException(source + " line " + index + ": " + message);
    }
}
