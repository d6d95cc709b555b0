package dev.ferry.tracker.restore;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What may reach pip from a checkpoint. A checkpoint is a file on the user's home, so its content
 * is untrusted input: only names that match PEP 508's name rule and versions that match PEP 440's
 * version grammar are ever turned into {@code name==version} arguments. Anything else (spaces,
 * {@code ;} markers, {@code @} URLs, option-like {@code -x} tokens, shell metacharacters) is refused.
 * {@link CheckpointValidation} applies these rules to a whole checkpoint.
 */
public final class Requirements {

    /** PEP 508: a name starts and ends with a letter or digit, with letters, digits, {@code . _ -} between. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");

    /**
     * PEP 440 Appendix B's version grammar (the forms packaging accepts and normalizes), ASCII only,
     * no surrounding whitespace: [v][N!]N(.N)*[{a|b|c|rc|alpha|beta|pre|preview}[N]][{-N|post N}][dev N][+local].
     */
    private static final Pattern VERSION = Pattern.compile(
            "v?"
                    + "(?:[0-9]+!)?"
                    + "[0-9]+(?:\\.[0-9]+)*"
                    + "(?:[-_.]?(?:alpha|beta|preview|pre|rc|a|b|c)[-_.]?[0-9]*)?"
                    + "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?"
                    + "(?:[-_.]?dev[-_.]?[0-9]*)?"
                    + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * pip reads a requirement whose text ends like an archive as a file path, so {@code x==1.0+a.whl}
     * would install a file of that name from the working directory. No real local version ends so.
     */
    static final Pattern ARCHIVE_SUFFIX = Pattern.compile(
            ".*\\.(?:whl|zip|tar|tgz|tbz|txz|tlz|gz|bz2|xz|lz|lzma)", Pattern.CASE_INSENSITIVE);

    static final int MAX_LENGTH = 200;

    private Requirements() {
    }

    public static boolean isValidName(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    public static boolean isValidVersion(String version) {
        return version != null && version.length() <= MAX_LENGTH && VERSION.matcher(version).matches()
                && !ARCHIVE_SUFFIX.matcher(version).matches();
    }

    /**
     * Makes a message from another program safe to print on one line: control, format (such as
     * bidirectional overrides) and line-separator characters are escaped; other text is kept.
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Shows untrusted text in a message: control and non-ASCII characters escaped, so a terminal prints it as is. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
