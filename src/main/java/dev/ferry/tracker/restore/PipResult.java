package dev.ferry.tracker.restore;

import java.util.List;

/**
 * How one pip command ended. {@code exitCode} is -1 when the command did not run to an end (it
 * could not start, or {@code timedOut}).
 */
public record PipResult(int exitCode, boolean timedOut, String stderr) {

    public static PipResult ok() {
        return new PipResult(0, false, "");
    }

    public static PipResult failed(int exitCode, String stderr) {
        return new PipResult(exitCode, false, stderr);
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /**
     * What to tell the user about a failure: pip's last {@code ERROR:} line (pip ends some failures
     * with hints that point "above"), else the last non-blank line it wrote to standard error.
     */
    public String reason() {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String reason = lines.isEmpty() ? "pip exited with status " + exitCode + " and printed no error"
                : lines.stream().filter(l -> l.startsWith("ERROR:")).reduce((a, b) -> b).orElse(lines.get(lines.size() - 1));
        return timedOut ? "pip was stopped: " + reason : reason;
    }
}
