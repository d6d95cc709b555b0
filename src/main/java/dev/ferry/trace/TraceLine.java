package dev.ferry.trace;

import java.util.List;
import java.util.Map;

/** One line of a recorded trace: a file event or a command marker. */
public sealed interface TraceLine permits TraceLine.FileEvent, TraceLine.Marker {

    /** Nanoseconds on the recorder's monotonic clock. */
    long t();

    /** The line number in the trace file, for messages. */
    int lineNumber();

    /**
     * One inotify event as inotifywait printed it.
     *
     * @param flags the event names, e.g. {@code [MOVED_TO, ISDIR]}
     * @param path  relative to site-packages
     */
    record FileEvent(long t, int lineNumber, List<String> flags, String path) implements TraceLine {
        public boolean has(String flag) {
            return flags.contains(flag);
        }

        public boolean isDirectory() {
            return flags.contains("ISDIR");
        }
    }

    /**
     * A command marker: {@code begin}, {@code start}, {@code end}, {@code state} or {@code finish}.
     *
     * @param installed for {@code begin} and {@code state}: what pip listed, names as pip prints them
     */
    record Marker(long t, int lineNumber, String op, int step, List<String> command, Integer exitCode,
                  Map<String, String> installed) implements TraceLine {
    }
}
