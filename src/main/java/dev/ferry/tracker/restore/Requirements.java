package dev.ferry.tracker.restore;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageName;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What may reach pip from a checkpoint. A checkpoint is a file on the user's home, so its content
 * is untrusted input: only names that match PEP 508's name rule and versions that match PEP 440's
 * version grammar are ever turned into {@code name==version} arguments. Anything else (spaces,
 * {@code ;} markers, {@code @} URLs, option-like {@code -x} tokens, shell metacharacters) is refused.
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
    private static final Pattern ARCHIVE_SUFFIX = Pattern.compile(
            ".*\\.(?:whl|zip|tar|tgz|tbz|txz|tlz|gz|bz2|xz|lz|lzma)", Pattern.CASE_INSENSITIVE);

    private static final int MAX_LENGTH = 200;

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
     * Checks every entry of every Python environment of {@code checkpoint} that could reach pip:
     * the names of added, changed and removed packages and the versions to install. R libraries
     * are not checked (restore never touches them), nor versions pip is never given (baselines,
     * the "from" of a change).
     *
     * @throws RestoreException naming the first bad entry (and how many more there are)
     */
    public static void check(Checkpoint checkpoint) throws RestoreException {
        List<String> problems = new ArrayList<>();
        for (EnvironmentState env : checkpoint.environments()) {
            if (env.kind() == EnvironmentKind.PYTHON) {
                problems.addAll(problems(env));
            }
        }
        if (!problems.isEmpty()) {
            String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more bad entries)";
            throw new RestoreException("refusing to restore this checkpoint: " + problems.get(0) + more
                    + "; nothing was installed or removed");
        }
    }

    /** The problems of one environment, one message per bad entry; empty when pip may see all of it. */
    static List<String> problems(EnvironmentState env) {
        List<String> problems = new ArrayList<>();
        PackageDiff diff = env.diff();
        Map<String, String> seen = new HashMap<>();
        diff.added().forEach((name, version) -> entry(problems, seen, env, "added", name, version));
        diff.changed().forEach((name, change) -> entry(problems, seen, env, "changed", name, change.to()));
        diff.removed().forEach((name, version) -> entry(problems, seen, env, "removed", name, null));
        return problems;
    }

    private static void entry(List<String> problems, Map<String, String> seen, EnvironmentState env, String tag,
                              String name, String version) {
        String where = "'" + tag + " " + quote(name) + (version == null ? "" : " " + quote(version)) + "' in "
                + env.location();
        if (!isValidName(name)) {
            problems.add(where + ": " + quote(name) + " is not a package name (PEP 508: letters, digits, '.', '_', '-',"
                    + " starting and ending with a letter or digit)");
            return;
        }
        if (version != null && !isValidVersion(version)) {
            problems.add(where + ": " + quote(version) + " is not a version (PEP 440, e.g. 1.2.3, 2.0rc1, 1.0.post2,"
                    + " 1.0+cpu)");
            return;
        }
        String other = seen.putIfAbsent(PackageName.normalize(name), name);
        if (other != null) {
            problems.add(where + ": the same package as " + quote(other) + " (names compare as PEP 503 normalizes them)");
        }
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
