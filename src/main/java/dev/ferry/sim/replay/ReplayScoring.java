package dev.ferry.sim.replay;

import dev.ferry.sim.fs.JdkEventTranslator;
import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.PackageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Scores replayed checkpoints against a trace's ground truth, with the definitions of DESIGN.md:
 * a step of the trace (one pip command, or several run in parallel) is closed by a {@code state}
 * marker; the moment of that marker is a quiescent point, where the latest checkpoint must equal
 * what pip listed; latency runs from the step's last file event to the first checkpoint that
 * equals the new truth. Write amplification counts checkpoints per state-changing pip command
 * ({@link OperationCount}).
 *
 * <p>A command that exits with status 2 or more crashed inside pip and can leave the environment
 * in a state pip itself cannot use (a trace shows a half-written {@code *.dist-info} that
 * {@code pip list} still reports, and that {@code pip uninstall} then refuses). From such a step on,
 * the trace's ground truth no longer follows DESIGN.md's definition of installed, so those steps
 * are counted apart and not scored.
 */
public final class ReplayScoring {

    private static final double MS = 1e6;

    /** The span of one step: when its first command started, its last file event, its state marker. */
    private record Step(long start, long lastEvent, long stateAt, PackageSet truth, boolean crashed,
                        List<List<String>> commands) {
    }

    private ReplayScoring() {
    }

    public static ReplaySummary score(List<TraceLine> trace, List<ReplayCheckpoint> allCheckpoints) {
        List<Step> steps = steps(trace);
        int scored = steps.size();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).crashed()) {
                scored = i;
                break;
            }
        }
        int afterCrash = steps.size() - scored;
        long crashStart = scored < steps.size() ? steps.get(scored).start() : Long.MAX_VALUE;
        List<ReplayCheckpoint> checkpoints = allCheckpoints.stream().filter(c -> c.t() < crashStart).toList();
        steps = steps.subList(0, scored);
        PackageSet before = initialTruth(trace);
        int stateChanging = 0;
        int changedSteps = 0;
        int exact = 0;
        int captured = 0;
        List<Double> latencies = new ArrayList<>();
        boolean anyMissed = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long nextStart = i + 1 < steps.size() ? steps.get(i + 1).start() : Long.MAX_VALUE;
            if (step.truth().equals(latestAt(checkpoints, step.stateAt()))) {
                exact++;
            }
            if (!step.truth().equals(before)) {
                stateChanging += OperationCount.stateChanging(step.commands(), before, step.truth());
                changedSteps++;
                ReplayCheckpoint capture = firstEqual(checkpoints, step.start(), nextStart, step.truth());
                if (capture == null) {
                    anyMissed = true;
                } else {
                    captured++;
                    latencies.add(Math.max(0, capture.t() - step.lastEvent()) / MS);
                }
            }
            before = step.truth();
        }
        double[] values = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Quantile quantile = Quantile.withDefaults();
        double p50 = values.length == 0 ? 0 : quantile.evaluate(values, 0.5);
        double p99 = values.length == 0 ? 0 : quantile.evaluate(values, 0.99);
        double max = anyMissed ? Double.POSITIVE_INFINITY : values.length == 0 ? 0 : values[values.length - 1];
        int written = Math.max(0, checkpoints.size() - 1);
        long fileEvents = trace.stream().filter(l -> l instanceof TraceLine.FileEvent).count();
        JdkEventTranslator translator = new JdkEventTranslator(0);
        long seen = trace.stream().filter(l -> l instanceof TraceLine.FileEvent e && translator.translate(e) != null)
                .count();
        return new ReplaySummary(steps.size(), changedSteps, stateChanging, written,
                stateChanging == 0 ? 0 : (double) written / stateChanging,
                steps.size(), steps.isEmpty() ? 1 : (double) exact / steps.size(), captured,
                p50, p99, max, fileEvents, seen, afterCrash);
    }

    private static PackageSet initialTruth(List<TraceLine> trace) {
        for (TraceLine line : trace) {
            if (line instanceof TraceLine.Marker m && m.op().equals("begin")) {
                return PackageSet.normalized(m.installed());
            }
        }
        return PackageSet.EMPTY;
    }

    private static List<Step> steps(List<TraceLine> trace) {
        Map<Integer, Long> starts = new TreeMap<>();
        Map<Integer, Boolean> crashed = new TreeMap<>();
        Map<Integer, List<List<String>>> commands = new TreeMap<>();
        List<Step> steps = new ArrayList<>();
        long lastEvent = Long.MIN_VALUE;
        for (TraceLine line : trace) {
            if (line instanceof TraceLine.FileEvent event) {
                lastEvent = event.t();
            } else if (line instanceof TraceLine.Marker m) {
                if (m.op().equals("start")) {
                    starts.putIfAbsent(m.step(), m.t());
                    commands.computeIfAbsent(m.step(), k -> new ArrayList<>()).add(m.command());
                } else if (m.op().equals("end")) {
                    if (m.exitCode() != null && m.exitCode() >= 2) {
                        crashed.put(m.step(), true);
                    }
                } else if (m.op().equals("state")) {
                    long start = starts.getOrDefault(m.step(), m.t());
                    long last = lastEvent >= start ? lastEvent : start;
                    steps.add(new Step(start, last, m.t(), PackageSet.normalized(m.installed()),
                            crashed.getOrDefault(m.step(), false), commands.getOrDefault(m.step(), List.of())));
                }
            }
        }
        return steps;
    }

    private static PackageSet latestAt(List<ReplayCheckpoint> checkpoints, long t) {
        PackageSet latest = null;
        for (ReplayCheckpoint c : checkpoints) {
            if (c.t() > t) {
                break;
            }
            latest = c.packages();
        }
        return latest;
    }

    private static ReplayCheckpoint firstEqual(List<ReplayCheckpoint> checkpoints, long from, long until, PackageSet truth) {
        for (ReplayCheckpoint c : checkpoints) {
            if (c.t() >= from && c.t() < until && c.packages().equals(truth)) {
                return c;
            }
        }
        return null;
    }
}
