package dev.ferry.tracker.checkpoint;

import dev.ferry.tracker.scan.EnvironmentKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The quick way to {@link CheckpointFormat#verify(byte[], String)} a sound checkpoint: over its UTF-8 bytes as
 * received, one digest of the body and one pass of the lines, with no String made of any package line (only of the
 * few header lines) and no map entry per package ({@link NameTable} keeps byte ranges). It accepts only what
 * {@code decode} accepts; for anything it is not sure of (a text that is not all ASCII, a token that is empty, any
 * error) it answers null, and the caller runs the String reader, which gives the answer and decode's exact message.
 */
final class CheckpointBytes {

    private static final byte[] END = "end".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BASELINE = "baseline".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADDED = "added".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REMOVED = "removed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHANGED = "changed".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA_PREFIX = "sha256 ";
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final byte[] bytes;
    private final int bodyEnd;
    private int position;
    private int lineStart;
    private int lineEnd;
    private final NameTable baseline;
    private final NameTable added;
    private final NameTable removed;
    private final NameTable changed;
    /** The current package line's tokens, as ranges. */
    private final int[] starts = new int[4];
    private final int[] ends = new int[4];

    private CheckpointBytes(byte[] bytes, int bodyEnd) {
        this.bytes = bytes;
        this.bodyEnd = bodyEnd;
        // an image's baseline is a few hundred packages; what the user changed, a few
        this.baseline = new NameTable(bytes, 256);
        this.added = new NameTable(bytes, 16);
        this.removed = new NameTable(bytes, 16);
        this.changed = new NameTable(bytes, 16);
    }

    /** The checkpoint if {@code utf8} is one that decode accepts; null when that is not certain. */
    static VerifiedCheckpoint verify(byte[] utf8) {
        int length = utf8.length;
        if (length == 0 || utf8[length - 1] != '\n') {
            return null;
        }
        int lastLineStart = length - 2;
        while (lastLineStart >= 0 && utf8[lastLineStart] != '\n') {
            lastLineStart--;
        }
        lastLineStart++;
        for (int i = lastLineStart; i < length; i++) {
            if (utf8[i] < 0) {
                return null;
            }
        }
        String lastLine = new String(utf8, lastLineStart, length - lastLineStart, StandardCharsets.ISO_8859_1).strip();
        if (!lastLine.startsWith(SHA_PREFIX)) {
            return null;
        }
        MessageDigest digest = CheckpointFormat.sha256Digest();
        digest.update(utf8, 0, lastLineStart);
        MessageDigest whole = CheckpointFormat.copyOf(digest);
        String expected = lastLine.substring(SHA_PREFIX.length()).trim();
        if (!HexFormat.of().formatHex(digest.digest()).equals(expected)) {
            return null;
        }
        Header header = new CheckpointBytes(utf8, lastLineStart).parse();
        if (header == null) {
            return null;
        }
        whole.update(utf8, lastLineStart, length - lastLineStart);
        return new VerifiedCheckpoint(header.generation, header.writtenAt, length,
                HexFormat.of().formatHex(whole.digest()));
    }

    private record Header(long generation, long writtenAt) {
    }

    /** As {@code CheckpointParser.parse} without building anything; null where it would throw (or is not sure). */
    private Header parse() {
        String magic = nextLine();
        if (!(CheckpointFormat.MAGIC + " " + CheckpointFormat.VERSION).equals(magic)) {
            return null;
        }
        String generationLine = nextLine();
        if (generationLine == null || !generationLine.startsWith("generation ")) {
            return null;
        }
        long generation;
        try {
            generation = Long.parseLong(generationLine.substring("generation ".length()).trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (generation < 1) {
            return null;
        }
        String writtenLine = nextLine();
        if (writtenLine == null || !writtenLine.startsWith("written ")) {
            return null;
        }
        long writtenAt;
        try {
            writtenAt = Instant.parse(writtenLine.substring("written ".length()).trim()).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
        while (true) {
            int state = advance();
            if (state == NONE) {
                return new Header(generation, writtenAt);
            }
            if (state == BAD || lineStart == lineEnd) {
                if (state == BAD) {
                    return null;
                }
                continue;
            }
            if (!environment()) {
                return null;
            }
        }
    }

    private static final int LINE = 0;
    private static final int NONE = 1;
    private static final int BAD = 2;

    /**
     * Moves to the next line that is not a comment ({@code #}), as the String reader's {@code nextOrNull}: LINE with
     * {@link #lineStart} and {@link #lineEnd} set, NONE past the body's end, BAD at a byte that is not ASCII.
     */
    private int advance() {
        while (position < bodyEnd) {
            int start = position;
            int i = lineEndFrom(start);
            if (i < 0) {
                return BAD;
            }
            position = i + 1;
            if (i > start && bytes[start] == '#') {
                continue;
            }
            lineStart = start;
            lineEnd = i;
            return LINE;
        }
        // the body ends with '\n' (or is empty); split("\n", -1) gives one last empty line, which counts as none here
        return NONE;
    }

    /**
     * The index of the first {@code '\n'} from {@code from} (the body ends with one), or -1 at a byte that is not
     * ASCII before it. Eight bytes at a time while they hold neither.
     */
    private int lineEndFrom(int from) {
        int i = from;
        while (i + Long.BYTES <= bodyEnd) {
            long word = (long) LONGS.get(bytes, i);
            long newlines = word ^ NEWLINES;
            if ((word & HIGH_BITS) != 0 || ((newlines - LOW_BITS) & ~newlines & HIGH_BITS) != 0) {
                break;
            }
            i += Long.BYTES;
        }
        while (bytes[i] != '\n') {
            if (bytes[i] < 0) {
                return -1;
            }
            i++;
        }
        return i;
    }

    /** The next line that is neither a comment nor empty, as a String; null past the end or at a non-ASCII byte. */
    private String nextLine() {
        while (true) {
            int state = advance();
            if (state != LINE) {
                return null;
            }
            if (lineEnd > lineStart) {
                return new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** One environment from its header line (the current line) to its {@code end}; false where decode would throw. */
    private boolean environment() {
        String header = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
        String[] parts = header.split(" ", 3);
        if (parts.length < 3 || !parts[0].equals("environment")) {
            return false;
        }
        try {
            EnvironmentKind.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (parts[2].indexOf('\r') >= 0) {
            return false;
        }
        baseline.clear();
        added.clear();
        removed.clear();
        changed.clear();
        for (int entries = 0; ; entries++) {
            int state;
            do {
                state = advance();
            } while (state == LINE && lineStart == lineEnd);
            if (state != LINE) {
                return false;
            }
            if (is(lineStart, lineEnd - lineStart, END)) {
                break;
            }
            if (entries == CheckpointText.MAX_ENTRIES_PER_ENVIRONMENT || !entry()) {
                return false;
            }
        }
        for (int e = 0; e < removed.size(); e++) {
            if (baseline.find(bytes, removed.nameStart(e), removed.nameEnd(e), removed.hashOf(e)) < 0) {
                return false;
            }
        }
        for (int e = 0; e < changed.size(); e++) {
            int base = baseline.find(bytes, changed.nameStart(e), changed.nameEnd(e), changed.hashOf(e));
            if (base < 0 || !baseline.versionIs(base, changed.valueStart(e), changed.valueEnd(e))) {
                return false;
            }
        }
        for (int e = 0; e < added.size(); e++) {
            if (baseline.find(bytes, added.nameStart(e), added.nameEnd(e), added.hashOf(e)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One package line: a tag and two tokens ({@code changed}: three), split on single spaces as
     * {@code split(" ")} does (trailing spaces dropped); false for any token empty, or where decode would throw.
     */
    private boolean entry() {
        int end = lineEnd;
        while (end > lineStart && bytes[end - 1] == ' ') {
            end--;
        }
        int count = 0;
        int start = lineStart;
        int hash = 1;
        for (int i = lineStart; i <= end; i++) {
            if (i == end || bytes[i] == ' ') {
                if (i == start || count == 4) {
                    return false;
                }
                starts[count] = start;
                ends[count] = i;
                count++;
                start = i + 1;
            } else if (count == 1) {
                // the name's hash, for every table alike
                hash = 31 * hash + bytes[i];
            }
        }
        NameTable table = table(starts[0], ends[0]);
        if (table == null || count != (table == changed ? 4 : 3)) {
            return false;
        }
        // a changed line's version kept is its "from", which the baseline must hold
        return table.put(starts[1], ends[1], hash, starts[2], ends[2]);
    }

    /** The table of the tag in {@code [from, to)}; null for anything but the four tags. */
    private NameTable table(int from, int to) {
        int length = to - from;
        switch (bytes[from]) {
            case 'b':
                return is(from, length, BASELINE) ? baseline : null;
            case 'a':
                return is(from, length, ADDED) ? added : null;
            case 'r':
                return is(from, length, REMOVED) ? removed : null;
            case 'c':
                return is(from, length, CHANGED) ? changed : null;
            default:
                return null;
        }
    }

    private boolean is(int from, int length, byte[] word) {
        if (length != word.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }
}
