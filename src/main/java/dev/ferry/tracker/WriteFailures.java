package dev.ferry.tracker;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * How the tracker speaks of checkpoint writes that keep failing: the first failure at once, again every 30 s for as
 * long as writes keep failing, and once more when a write succeeds again.
 */
final class WriteFailures {

    /** While writes keep failing, how often to say so again. */
    private static final long REPEAT_NANOS = 30_000_000_000L;

    private final Consumer<String> warnings;
    private int failed;
    private long since;
    private long lastReported;

    WriteFailures(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** A write of the generation after {@code generation} failed at {@code now}. */
    void failed(IOException e, long generation, long now) {
        if (failed++ == 0) {
            since = now;
            lastReported = now;
            warnings.accept("cannot write checkpoint generation " + (generation + 1) + " (" + e.getMessage()
                    + "); the user's changes since generation " + generation + " are not protected; retrying every"
                    + " second");
        } else if (now - lastReported >= REPEAT_NANOS) {
            lastReported = now;
            warnings.accept("still cannot write checkpoint generation " + (generation + 1) + " after "
                    + failed + " attempts over " + seconds(now - since) + " (" + e.getMessage()
                    + "); the user's changes since generation " + generation + " are not protected");
        }
    }

    /** {@code generation} was written at {@code now}. */
    void written(long generation, long now) {
        if (failed > 0) {
            warnings.accept("checkpoint generation " + generation + " written after " + failed
                    + " failed attempts over " + seconds(now - since) + "; the packages are protected again");
        }
        failed = 0;
    }

    private static String seconds(long nanos) {
        return (nanos / 1_000_000_000L) + " s";
    }
}
