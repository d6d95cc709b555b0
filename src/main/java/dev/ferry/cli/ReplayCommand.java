package dev.ferry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sim.replay.ReplayCheckpoint;
import dev.ferry.sim.replay.ReplayScoring;
import dev.ferry.sim.replay.ReplaySummary;
import dev.ferry.sim.replay.TraceReplay;
import dev.ferry.trace.TraceFormatException;
import dev.ferry.trace.TraceLine;
import dev.ferry.trace.TraceReader;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.Debouncer;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.debounce.QuietPeriodDebouncer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry replay}: the real debouncer and scanner over a recorded trace, on virtual time. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replays a recorded pip trace through the tracker and scores its checkpoints.",
            "",
            "Runs the tracker's real debouncer and scanner over the trace on virtual time, with a file",
            "tree rebuilt from the trace's events, and scores its checkpoints against the trace's",
            "ground truth (the 'state' markers).",
            "",
            "Prints one JSON line per checkpoint the tracker would write, {\"t\": <trace ns>, \"packages\": {...}},",
            "then {\"summary\": {...}}: exactness at quiescence, checkpoints per state-changing operation,",
            "and latency p50/p99/max from an operation's last file event to its checkpoint."
        },
        footer = {"", "Exit status: 0 when replayed (with --check: and every target met), 1 when --check",
            "finds a target missed, 2 for bad options or an unreadable trace."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TRACE.jsonl", description = "A recorded trace (see the traces README for the format).")
    Path trace;

    @Option(names = "--quiet-ms", paramLabel = "MS",
            description = "Use a fixed quiet period of MS milliseconds instead of the pip-aware debouncer, for comparison.")
    Long quietMs;

    @Option(names = "--max-wait-ms", paramLabel = "MS", defaultValue = "60000",
            description = "Upper bound from the first unflushed event to a checkpoint (default: ${DEFAULT-VALUE}).")
    long maxWaitMs;

    @Option(names = "--settle-ms", paramLabel = "MS",
            description = "The pip-aware debouncer's settle time when no operation looks unfinished (default: the tracker's).")
    Long settleMs;

    @Option(names = "--summary-only", description = "Print only the summary line.")
    boolean summaryOnly;

    @Option(names = "--check", description = "Exit 1 unless the tracker's targets are met: exact at every quiescent"
            + " point, at most 1.3 checkpoints per state-changing operation, latency p50 <= 150 ms and max <= 500 ms.")
    boolean check;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(trace)) {
            throw new UserError("cannot read trace " + trace + ": no such file or not readable", 2);
        }
        if (quietMs != null && quietMs < 0 || settleMs != null && (settleMs < 0 || settleMs > 1000) || maxWaitMs <= 0) {
            throw new UserError("--quiet-ms must be 0 or more, --settle-ms between 0 and 1000, --max-wait-ms more than 0", 2);
        }
        List<TraceLine> lines;
        try {
            lines = TraceReader.read(trace);
        } catch (TraceFormatException e) {
            throw new UserError(e.getMessage(), 2);
        }
        Supplier<Debouncer> debouncers = debouncers();
        List<ReplayCheckpoint> checkpoints = TraceReplay.run(lines, debouncers);
        ReplaySummary summary = ReplayScoring.score(lines, checkpoints);
        PrintWriter out = spec.commandLine().getOut();
        if (!summaryOnly) {
            for (ReplayCheckpoint c : checkpoints) {
                ObjectNode line = Json.object();
                line.put("t", c.t());
                line.set("packages", Json.packages(c.packages()));
                out.println(Json.line(line));
            }
        }
        out.println(Json.line(summaryJson(summary)));
        out.flush();
        return check && !summary.meetsTargets() ? 1 : 0;
    }

    private Supplier<Debouncer> debouncers() {
        long maxWait = maxWaitMs * 1_000_000L;
        if (quietMs != null) {
            long quiet = quietMs * 1_000_000L;
            return () -> new QuietPeriodDebouncer(quiet, maxWait);
        }
        DebounceSettings d = DebounceSettings.DEFAULTS;
        java.time.Duration settle = settleMs == null ? d.settle() : java.time.Duration.ofMillis(settleMs);
        DebounceSettings settings = new DebounceSettings(settle, d.strayHold(), d.dependencyHold(), d.busyHold(),
                java.time.Duration.ofMillis(maxWaitMs));
        return () -> new PipAwareDebouncer(settings);
    }

    private ObjectNode summaryJson(ReplaySummary s) {
        ObjectNode summary = Json.object();
        summary.put("trace", trace.getFileName().toString());
        summary.put("debouncer", quietMs == null ? "pip-aware" : "quiet-period " + quietMs + " ms");
        summary.put("steps", s.operations());
        summary.put("state_changing_steps", s.stateChangingSteps());
        summary.put("state_changing_operations", s.stateChanging());
        summary.put("checkpoints", s.checkpoints());
        summary.put("amplification", round(s.amplification()));
        summary.put("quiescent_points", s.quiescentPoints());
        summary.put("exact_at_quiescence", round(s.exactAtQuiescence()));
        summary.put("captured_steps", s.captured());
        ObjectNode latency = summary.putObject("latency_ms");
        latency.put("p50", round(s.latencyP50Ms()));
        latency.put("p99", round(s.latencyP99Ms()));
        if (Double.isInfinite(s.latencyMaxMs())) {
            latency.putNull("max");
        } else {
            latency.put("max", round(s.latencyMaxMs()));
        }
        summary.put("file_events", s.fileEvents());
        summary.put("events_seen_by_watcher", s.eventsSeen());
        summary.put("steps_after_crash_not_scored", s.stepsAfterCrash());
        summary.put("meets_targets", s.meetsTargets());
        ObjectNode wrapper = Json.object();
        wrapper.set("summary", summary);
        return wrapper;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
