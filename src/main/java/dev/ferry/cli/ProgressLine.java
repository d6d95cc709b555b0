package dev.ferry.cli;

import dev.ferry.tracker.restore.RestoreProgress;
import java.io.PrintWriter;

/** Restore's progress for a person at a terminal: one line on standard error each time it is told. */
final class ProgressLine implements RestoreProgress {

    private final PrintWriter err;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /** Progress on {@code err} when standard error goes to a person, else nothing (scripts and tests). */
    static RestoreProgress forTerminal(boolean terminal, PrintWriter err) {
        return terminal ? new ProgressLine(err) : RestoreProgress.NONE;
    }

    static String line(int settled, int total, int commands) {
        return "restoring: " + settled + " of " + total + " packages, " + commands + " pip command"
                + (commands == 1 ? "" : "s");
    }

    @Override
    public void update(int settled, int total, int commands) {
        err.println(line(settled, total, commands));
        err.flush();
    }
}
