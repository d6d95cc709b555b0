package dev.ferry.fit;

import dev.ferry.trace.TraceLine;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a recorded trace: the pip commands started together (one, or several in parallel),
 * their exits, the {@code state} marker that closes the step, and the file events from the step's
 * first {@code start} up to the next step's (as the traces README's {@code trace_stats.py} counts them).
 */
public record RecordedStep(int step, List<TraceLine.Marker> starts, List<TraceLine.Marker> ends, TraceLine.Marker state,
                           List<TraceLine.FileEvent> events) {

    public long start() {
        return starts.get(0).t();
    }

    /** Whether one command ran alone in this step. */
    public boolean single() {
        return starts.size() == 1;
    }

    /** The highest exit status of the step's commands (0 when none is recorded). */
    public int exitCode() {
        return ends.stream().mapToInt(e -> e.exitCode() == null ? 0 : e.exitCode()).max().orElse(0);
    }

    /** The latest exit of the step's commands, or the step's start if none is recorded. */
    public long lastExit() {
        return ends.stream().mapToLong(TraceLine.Marker::t).max().orElse(start());
    }

    /** The exit marker of the {@code i}-th started command: ends are matched to starts by command line, in order. */
    public TraceLine.Marker endOf(int i) {
        List<TraceLine.Marker> unmatched = new ArrayList<>(ends);
        for (int j = 0; j < starts.size() && !unmatched.isEmpty(); j++) {
            List<String> command = starts.get(j).command();
            TraceLine.Marker match = unmatched.stream().filter(e -> e.command().equals(command)).findFirst()
                    .orElse(unmatched.get(0));
            if (j == i) {
                return match;
            }
            unmatched.remove(match);
        }
        return null;
    }

    /** Splits a trace into steps; lines before the first {@code start} and after {@code finish} belong to none. */
    public static List<RecordedStep> of(List<TraceLine> trace) {
        List<RecordedStep> steps = new ArrayList<>();
        Builder current = null;
        for (TraceLine line : trace) {
            if (line instanceof TraceLine.Marker m) {
                switch (m.op()) {
                    case "start" -> {
                        if (current == null || current.step != m.step()) {
                            if (current != null) {
                                steps.add(current.build());
                            }
                            current = new Builder(m.step());
                        }
                        current.starts.add(m);
                    }
                    case "end" -> {
                        if (current != null) {
                            current.ends.add(m);
                        }
                    }
                    case "state" -> {
                        if (current != null && current.state == null) {
                            current.state = m;
                        }
                    }
                    case "finish" -> {
                        if (current != null) {
                            steps.add(current.build());
                        }
                        current = null;
                    }
                    default -> {
                    }
                }
            } else if (line instanceof TraceLine.FileEvent e && current != null) {
                current.events.add(e);
            }
        }
        if (current != null) {
            steps.add(current.build());
        }
        return steps;
    }

    /** The {@code begin} marker of a trace, or {@code null}. */
    public static TraceLine.Marker begin(List<TraceLine> trace) {
        for (TraceLine line : trace) {
            if (line instanceof TraceLine.Marker m && m.op().equals("begin")) {
                return m;
            }
        }
        return null;
    }

    private static final class Builder {
        final int step;
        final List<TraceLine.Marker> starts = new ArrayList<>();
        final List<TraceLine.Marker> ends = new ArrayList<>();
        TraceLine.Marker state;
        final List<TraceLine.FileEvent> events = new ArrayList<>();

        Builder(int step) {
            this.step = step;
        }

        RecordedStep build() {
            return new RecordedStep(step, List.copyOf(starts), List.copyOf(ends), state, List.copyOf(events));
        }
    }
}
