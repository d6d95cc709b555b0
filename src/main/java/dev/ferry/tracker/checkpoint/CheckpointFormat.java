package dev.ferry.tracker.checkpoint;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checkpoint file format, version 1: plain lines a person can read and diff, ending with the
 * SHA-256 of every byte before that last line. For example:
 * <pre>
 * # Ferry checkpoint ...
 * ferry-checkpoint 1
 * generation 7
 * written 2026-11-28T16:08:35.123Z
 * environment python /home/jovyan/venv/lib/python3.11/site-packages
 * baseline pip 23.2.1
 * added numpy 2.4.6
 * removed click 8.4.0
 * changed setuptools 65.5.0 66.1.1
 * end
 * sha256 9f86d0...
 * </pre>
 * The file records each environment's baseline and the difference against it; the current set
 * is the baseline with the difference applied.
 */
public final class CheckpointFormat {

    public static final String MAGIC = "ferry-checkpoint";
    public static final int VERSION = 1;
    private static final String HEADER = """
            # Ferry checkpoint: the packages a user added, removed or changed in each environment,
            # against what the image had (the baseline). Written by the tracker; do not edit: the
            # last line is a checksum of everything above it.
            """;

    private CheckpointFormat() {
    }

    public static String encode(Checkpoint checkpoint) {
        StringBuilder out = new StringBuilder(HEADER);
        out.append(MAGIC).append(' ').append(VERSION).append('\n');
        out.append("generation ").append(checkpoint.generation()).append('\n');
        out.append("written ").append(Instant.ofEpochMilli(checkpoint.writtenAtEpochMillis())).append('\n');
        for (EnvironmentState env : checkpoint.environments()) {
            out.append("environment ").append(env.kind().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(env.location()).append('\n');
            env.baseline().asMap().forEach((name, version) -> line(out, "baseline", name, version));
            PackageDiff diff = env.diff();
            diff.added().forEach((name, version) -> line(out, "added", name, version));
            diff.removed().forEach((name, version) -> line(out, "removed", name, version));
            diff.changed().forEach((name, change) -> line(out, "changed", name, change.from(), change.to()));
            out.append("end\n");
        }
        String body = out.toString();
        return body + "sha256 " + sha256(body) + "\n";
    }

    private static void line(StringBuilder out, String tag, String... tokens) {
        out.append(tag);
        for (String token : tokens) {
            if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("cannot write '" + token + "' in a checkpoint: names and versions"
                        + " must be non-empty and contain no whitespace");
            }
            out.append(' ').append(token);
        }
        out.append('\n');
    }

    /**
     * Parses and checks a checkpoint. {@code source} names it in error messages (a file path).
     *
     * @throws CheckpointException if it is truncated, its checksum does not match, or a line is malformed
     */
    public static Checkpoint decode(String text, String source) throws CheckpointException {
        int lastLineStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        String lastLine = text.substring(lastLineStart).strip();
        if (text.isEmpty() || !text.endsWith("\n") || !lastLine.startsWith("sha256 ")) {
            boolean ours = text.contains(MAGIC + " ") || HEADER.startsWith(text) || text.startsWith(HEADER.substring(0, 20));
            if (!ours) {
                throw new CheckpointException(source + " is not a Ferry checkpoint (no '" + MAGIC + "' line)");
            }
            throw new CheckpointException(source + " is truncated: it does not end with its sha256 line"
                    + " (cut short while being written or copied)");
        }
        String body = text.substring(0, lastLineStart);
        String expected = lastLine.substring("sha256 ".length()).trim();
        String actual = sha256(body);
        if (!actual.equals(expected)) {
            throw new CheckpointException(source + " is damaged: its checksum does not match its content"
                    + " (changed by hand or corrupted on disk)");
        }
        return new Parser(body, source).parse();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads the lines of a checksummed body; every error names the line. */
    private static final class Parser {
        private final String[] lines;
        private final String source;
        private int index;

        Parser(String body, String source) {
            this.lines = body.split("\n", -1);
            this.source = source;
        }

        Checkpoint parse() throws CheckpointException {
            String magic = next("'" + MAGIC + " " + VERSION + "'");
            if (!magic.equals(MAGIC + " " + VERSION)) {
                throw error("expected '" + MAGIC + " " + VERSION + "', found '" + magic
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
                environments.add(environment(line));
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
            Map<String, String> baseline = new TreeMap<>();
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
            PackageSet base = PackageSet.of(baseline);
            for (String name : diff.removed().keySet()) {
                if (!base.contains(name)) {
                    throw error("'removed " + name + "' but " + name + " is not in the baseline");
                }
            }
            for (var change : diff.changed().entrySet()) {
                if (!change.getValue().from().equals(base.version(change.getKey()))) {
                    throw error("'changed " + change.getKey() + "' from a version the baseline does not have");
                }
            }
            for (String name : diff.added().keySet()) {
                if (base.contains(name)) {
                    throw error("'added " + name + "' but " + name + " is already in the baseline");
                }
            }
            if (location.indexOf('\r') >= 0) {
                throw error("the environment location contains a carriage return");
            }
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
}
