package dev.ferry.fit;

import dev.ferry.trace.TraceLine;
import java.util.regex.Pattern;

/**
 * The kind of a gap between two consecutive events of one pip command, named after what the second
 * event is; the synthetic pip draws each kind from its own fitted distribution.
 */
public enum GapKind {
    /** Before an event that writes: a file created, modified, closed or renamed into place, a folder created. */
    WRITE,
    /** Before a byte-compiled file's temporary is created: the time pip takes to compile one module. */
    COMPILE,
    /** Before a move into a {@code ~} stash or a deletion. */
    REMOVE,
    /** Between the last event of one distribution and the first of the next, in an install. */
    DISTRIBUTION,
    /** Between the last event of one distribution and the first of the next, in an uninstall. */
    UNINSTALL_DISTRIBUTION;

    private static final Pattern PYC_TEMPORARY = Pattern.compile("(^|/)__pycache__/[^/]+\\.pyc\\.\\d+$");

    /** The kind of the gap before {@code next}, within one distribution. */
    public static GapKind within(TraceLine.FileEvent next) {
        String path = next.path();
        if (next.has("CREATE") && !next.isDirectory() && PYC_TEMPORARY.matcher(path).find()) {
            return COMPILE;
        }
        boolean topLevel = path.indexOf('/') < 0;
        if (next.has("DELETE") || next.has("DELETE_SELF") || Attribution.isStash(Attribution.top(path))
                || topLevel && next.has("MOVED_FROM")) {
            return REMOVE;
        }
        return WRITE;
    }
}
