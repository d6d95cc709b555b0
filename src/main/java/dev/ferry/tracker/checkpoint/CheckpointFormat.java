package dev.ferry.tracker.checkpoint;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

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

    /** About one package line's length, to size the text once: {@code baseline numpy 1.26.4}. */
    private static final int LINE_ESTIMATE = 32;
    /** About how many packages a user adds, removes or changes in one environment, for the same. */
    private static final int DIFF_LINES_ESTIMATE = 16;

    private CheckpointFormat() {
    }

    public static String encode(Checkpoint checkpoint) {
        int lines = 0;
        for (EnvironmentState env : checkpoint.environments()) {
            lines += env.baseline().size() + DIFF_LINES_ESTIMATE;
        }
        StringBuilder out = new StringBuilder(HEADER.length() + 256 + LINE_ESTIMATE * lines).append(HEADER);
        out.append(MAGIC).append(' ').append(VERSION).append('\n');
        out.append("generation ").append(checkpoint.generation()).append('\n');
        out.append("written ").append(Instant.ofEpochMilli(checkpoint.writtenAtEpochMillis())).append('\n');
        for (EnvironmentState env : checkpoint.environments()) {
            out.append("environment ").append(env.kind().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(env.location()).append('\n');
            env.baseline().forEach((name, version) -> line(out, "baseline", name, version)); // name order
            DiffLines diff = new DiffLines();
            PackageDiff.walk(env.baseline(), env.current(), diff);
            out.append(diff.added).append(diff.removed).append(diff.changed);
            out.append("end\n");
        }
        String body = out.toString();
        return body + "sha256 " + sha256(body) + "\n";
    }

    /**
     * An environment's diff lines as {@link PackageDiff#walk} meets them (in name order), each kind on its own: the
     * text lists every added line, then every removed one, then every changed one.
     */
    private static final class DiffLines implements PackageDiff.Steps {
        final StringBuilder added = new StringBuilder();
        final StringBuilder removed = new StringBuilder();
        final StringBuilder changed = new StringBuilder();

        @Override
        public void added(String name, String version) {
            line(added, "added", name, version);
        }

        @Override
        public void removed(String name, String version) {
            line(removed, "removed", name, version);
        }

        @Override
        public void changed(String name, String from, String to) {
            line(changed, "changed", name, from, to);
        }
    }

    private static void line(StringBuilder out, String tag, String name, String version) {
        token(out.append(tag), name);
        token(out, version);
        out.append('\n');
    }

    private static void line(StringBuilder out, String tag, String name, String from, String to) {
        token(out.append(tag), name);
        token(out, from);
        token(out, to);
        out.append('\n');
    }

    private static void token(StringBuilder out, String token) {
        if (token.isEmpty() || hasWhitespace(token)) {
            throw new IllegalArgumentException("cannot write '" + token + "' in a checkpoint: names and versions"
                    + " must be non-empty and contain no whitespace");
        }
        out.append(' ').append(token);
    }

    /** A loop rather than a stream: every name and version of every checkpoint encoded comes here. */
    private static boolean hasWhitespace(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isWhitespace(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses and checks a checkpoint. {@code source} names it in error messages (a file path).
     *
     * @throws CheckpointException if it is truncated, its checksum does not match, or a line is malformed
     */
    public static Checkpoint decode(String text, String source) throws CheckpointException {
        return new CheckpointParser(checkedBody(text, source).body(), source, true).parse();
    }

    /**
     * Makes every check {@link #decode} makes, without building the environments' package sets: what a server that
     * keeps the text as it is needs, at a fraction of the cost.
     *
     * @throws CheckpointException as {@link #decode} does, with the same messages
     */
    public static VerifiedCheckpoint verify(String text, String source) throws CheckpointException {
        ChecksummedText checked = checkedBody(text, source);
        Checkpoint header = new CheckpointParser(checked.body(), source, false).parse();
        return new VerifiedCheckpoint(header.generation(), header.writtenAtEpochMillis(), checked.bytes(),
                checked.textSha256());
    }

    /**
     * {@link #verify(String, String)} of the UTF-8 bytes of a text as received (an upload's body), without decoding
     * them: a sound checkpoint is checked over its bytes in place ({@link CheckpointBytes}: one digest, one pass of the
     * lines, no String or map entry per package line); anything else goes through the String reader, which refuses it
     * with decode's message (or accepts what the quick pass was not sure of). The size and hash are of these bytes.
     *
     * @throws CheckpointException as {@link #decode} does, with the same messages
     */
    public static VerifiedCheckpoint verify(byte[] utf8, String source) throws CheckpointException {
        VerifiedCheckpoint quick = CheckpointBytes.verify(utf8);
        if (quick != null) {
            return quick;
        }
        VerifiedCheckpoint checked = verify(new String(utf8, StandardCharsets.UTF_8), source);
        // the bytes' own size and hash: they differ from the decoded text's only where the bytes are not valid UTF-8
        return new VerifiedCheckpoint(checked.generation(), checked.writtenAtEpochMillis(), utf8.length,
                textSha256(utf8));
    }

    /**
     * The SHA-256 of a checkpoint's whole text as received, in hex: what {@link VerifiedCheckpoint#textSha256} gives
     * once the text is verified, computed without reading it (a server tells a resent text from a new one by it).
     */
    public static String textSha256(byte[] utf8) {
        return HexFormat.of().formatHex(sha256Digest().digest(utf8));
    }

    /** The body above the checksum line, once that line is found and matches; and the whole text's size and hash. */
    private record ChecksummedText(String body, int bytes, String textSha256) {
    }

    private static ChecksummedText checkedBody(String text, String source) throws CheckpointException {
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
        // one encoding and one pass of the digest over the body give both the body's checksum and the whole text's
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int bodyBytes = bytes.length - text.substring(lastLineStart).getBytes(StandardCharsets.UTF_8).length;
        MessageDigest digest = sha256Digest();
        digest.update(bytes, 0, bodyBytes);
        MessageDigest whole = copyOf(digest);
        String actual = HexFormat.of().formatHex(digest.digest());
        String expected = lastLine.substring("sha256 ".length()).trim();
        if (!actual.equals(expected)) {
            throw new CheckpointException(source + " is damaged: its checksum does not match its content"
                    + " (changed by hand or corrupted on disk)");
        }
        whole.update(bytes, bodyBytes, bytes.length - bodyBytes);
        return new ChecksummedText(body, bytes.length, HexFormat.of().formatHex(whole.digest()));
    }

    static String sha256(String text) {
        return textSha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A digest to continue from where {@code running} is, leaving {@code running} to be finished on its own. */
    static MessageDigest copyOf(MessageDigest running) {
        try {
            return (MessageDigest) running.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
