package dev.ferry.sim.fit;

import dev.ferry.model.PipModel;
import dev.ferry.sim.fs.Distribution;
import dev.ferry.sim.fs.SyntheticPip;
import dev.ferry.trace.PipCommandLine;
import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.PackageName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

/**
 * A synthetic trace that replays a recorded trace's scenario with the pip model: the same steps, the
 * same commands with the same exit statuses, each installing or removing the same distributions (by name
 * and version, requested or pulled in as a dependency, replacing an installed version or not), started
 * the same time after the step before; but every event and gap drawn from the model by
 * {@link SyntheticPip} (which writes a command's dependencies before what it was asked for), and the file
 * counts too unless the recorded ones are asked for. Parallel commands are split by which pip process
 * wrote which distribution. Its markers ({@code begin}, {@code start}, {@code end}, {@code state},
 * {@code finish}) carry the synthetic ground truth, so {@code ReplayScoring} scores it like a recording.
 * The scenario ends before a command that crashed inside pip (its half-written state is no pip behaviour
 * the model covers).
 */
public final class ScenarioMirror {

    /** One distribution a command installs (or, for an uninstall, removes). */
    public record Dist(String name, String version, boolean requested) {
        String key() {
            return PackageName.normalize(name);
        }
    }

    /**
     * One command of a step.
     *
     * @param offset   from the step's first start to this command's start, ns
     * @param duration from its start to its exit as recorded, ns (used when it makes no events)
     */
    public record Op(List<String> command, int exitCode, long offset, long duration, boolean uninstall, List<Dist> dists) {
    }

    /**
     * One step.
     *
     * @param pause      from the previous step's state marker (or the begin marker) to this step's start, ns
     * @param stateDelay from the last exit to the state marker, ns
     */
    public record Step(int number, long pause, long stateDelay, List<Op> ops) {
    }

    /**
     * The recorded scenario: the installed set at the start, and the steps up to the first crash.
     *
     * @param files the most files the recording shows for each "normalized-name version" (see {@link TraceSample})
     */
    public record Scenario(long begin, Map<String, String> installed, List<Step> steps, Map<String, Integer> files) {
    }

    private ScenarioMirror() {
    }

    /** What a recorded trace did, command by command. */
    public static Scenario scenario(List<TraceLine> recorded) {
        TraceLine.Marker begin = RecordedStep.begin(recorded);
        long anchor = begin != null ? begin.t() : recorded.get(0).t();
        List<Step> steps = new ArrayList<>();
        for (RecordedStep step : RecordedStep.of(recorded)) {
            if (step.exitCode() >= 2 || step.state() == null) {
                break;
            }
            List<Op> ops = step.single() ? List.of(single(step)) : parallel(step);
            steps.add(new Step(step.step(), step.start() - anchor, step.state().t() - step.lastExit(), ops));
            anchor = step.state().t();
        }
        Map<String, Integer> files = new TraceSample().add("recorded", recorded).mostFilesSeen();
        return new Scenario(begin != null ? begin.t() : recorded.get(0).t(), begin == null ? Map.of() : begin.installed(),
                steps, files);
    }

    private static Op single(RecordedStep step) {
        TraceLine.Marker start = step.starts().get(0);
        boolean uninstall = isUninstall(start.command());
        List<Dist> dists = new ArrayList<>();
        for (DistributionBurst burst : Attribution.of(uninstall, step.events()).bursts()) {
            String folder = uninstall ? burst.removed() : burst.installed();
            if (folder != null) {
                String[] nv = DistributionBurst.nameAndVersion(folder);
                dists.add(new Dist(nv[0], nv[1], burst.requested()));
            }
        }
        return op(step, 0, uninstall, dists);
    }

    private static Op op(RecordedStep step, int i, boolean uninstall, List<Dist> dists) {
        TraceLine.Marker start = step.starts().get(i);
        TraceLine.Marker end = step.endOf(i);
        int rc = end == null || end.exitCode() == null ? 0 : end.exitCode();
        long duration = end == null ? 0 : end.t() - start.t();
        return new Op(start.command(), rc, start.t() - step.start(), duration, uninstall, List.copyOf(dists));
    }

    /** A distribution written in a step of parallel commands: when it began and finished. */
    private record Written(String folder, long first, long finished, boolean requested) {
    }

    /**
     * Parallel commands interleave their events, but each pip process installs one distribution after
     * the other: so the distributions fall into chains, each next one starting after the one before
     * finished (its final RECORD), and a chain goes to the command that names its requested distribution.
     */
    private static List<Op> parallel(RecordedStep step) {
        Map<String, long[]> spans = new LinkedHashMap<>();
        Set<String> requested = new HashSet<>();
        List<String> stashed = new ArrayList<>();
        String movedFrom = null;
        for (TraceLine.FileEvent e : step.events()) {
            String path = e.path();
            String top = Attribution.top(path);
            if (path.equals(top) && e.has("MOVED_FROM")) {
                movedFrom = path;
            } else if (path.equals(top) && e.has("MOVED_TO") && Attribution.isStash(path) && movedFrom != null) {
                if (movedFrom.endsWith(".dist-info")) {
                    stashed.add(movedFrom);
                }
                movedFrom = null;
            }
            if (top.endsWith(".dist-info") && !Attribution.isStash(top)) {
                if (path.equals(top) && e.has("CREATE") && e.isDirectory()) {
                    spans.putIfAbsent(top, new long[] {e.t(), Long.MAX_VALUE});
                } else if (Attribution.isFinalRecord(e) && spans.containsKey(top)) {
                    spans.get(top)[1] = e.t();
                } else if (e.has("CREATE") && path.equals(top + "/REQUESTED")) {
                    requested.add(top);
                }
            }
        }
        List<Written> written = new ArrayList<>();
        spans.forEach((folder, span) -> {
            if (span[1] != Long.MAX_VALUE) {
                written.add(new Written(folder, span[0], span[1], requested.contains(folder)));
            }
        });
        written.sort(Comparator.comparingLong(Written::first));
        int n = step.starts().size();
        List<Set<String>> named = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> command = step.starts().get(i).command();
            named.add(isUninstall(command) ? Set.of() : new HashSet<>(PipCommandLine.namedPackages(command)));
        }
        List<Chain> chains = new ArrayList<>();
        for (Written w : written) {
            String name = PackageName.normalize(DistributionBurst.nameAndVersion(w.folder())[0]);
            Chain best = null;
            for (Chain chain : chains) {
                if (!chain.closed(named) && chain.finished <= w.first() && (best == null || chain.finished > best.finished)) {
                    best = chain;
                }
            }
            if (best == null) {
                best = new Chain();
                chains.add(best);
            }
            best.written.add(w);
            best.finished = w.finished();
            if (w.requested() && best.command < 0) {
                for (int i = 0; i < n; i++) {
                    if (named.get(i).contains(name)) {
                        best.command = i;
                        break;
                    }
                }
            }
            if (w.requested()) {
                best.done.add(name);
            }
        }
        List<List<Dist>> perCommand = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perCommand.add(new ArrayList<>());
        }
        for (Chain chain : chains) {
            if (chain.command >= 0) {
                add(perCommand.get(chain.command), chain.written);
            }
        }
        for (Chain chain : chains) {
            if (chain.command < 0) {
                // no requested distribution names its command: the last install command still without one takes it
                int target = -1;
                for (int i = n - 1; i >= 0; i--) {
                    if (!isUninstall(step.starts().get(i).command()) && (target < 0 || perCommand.get(i).isEmpty())) {
                        target = i;
                    }
                }
                if (target >= 0) {
                    add(perCommand.get(target), chain.written);
                }
            }
        }
        Set<String> installedNames = new HashSet<>();
        written.forEach(w -> installedNames.add(PackageName.normalize(DistributionBurst.nameAndVersion(w.folder())[0])));
        for (String folder : stashed) {
            String[] nv = DistributionBurst.nameAndVersion(folder);
            String key = PackageName.normalize(nv[0]);
            if (installedNames.contains(key)) {
                continue;
            }
            int target = -1;
            for (int i = 0; i < n; i++) {
                if (isUninstall(step.starts().get(i).command())
                        && (target < 0 || PipCommandLine.namedPackages(step.starts().get(i).command()).contains(key))) {
                    target = i;
                }
            }
            if (target >= 0) {
                perCommand.get(target).add(new Dist(nv[0], nv[1], false));
            }
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(op(step, i, isUninstall(step.starts().get(i).command()), perCommand.get(i)));
        }
        return ops;
    }

    /** The distributions one pip process wrote, one after the other; bound to a command once one of them names it. */
    private static final class Chain {
        final List<Written> written = new ArrayList<>();
        final Set<String> done = new HashSet<>();
        long finished;
        int command = -1;

        /** A process whose command has written everything it named is done. */
        boolean closed(List<Set<String>> named) {
            return command >= 0 && done.containsAll(named.get(command));
        }
    }

    private static void add(List<Dist> into, List<Written> chain) {
        for (Written w : chain) {
            String[] nv = DistributionBurst.nameAndVersion(w.folder());
            into.add(new Dist(nv[0], nv[1], w.requested()));
        }
    }

    private static boolean isUninstall(List<String> command) {
        return !command.isEmpty() && command.get(0).equals("uninstall");
    }

    /**
     * The recorded scenario played by the synthetic pip with {@code model}, every file count drawn from the
     * model: a trace to replay and score.
     */
    public static List<TraceLine> synthesize(List<TraceLine> recorded, PipModel model, RandomGenerator random) {
        return synthesize(scenario(recorded), model, random, false);
    }

    /**
     * The scenario played by the synthetic pip with {@code model}.
     *
     * @param recordedFiles give each distribution the files its recording shows (drawn from the model when
     *                      none were seen) instead of drawing them all from the model
     */
    public static List<TraceLine> synthesize(Scenario scenario, PipModel model, RandomGenerator random,
                                             boolean recordedFiles) {
        ContinuousDistribution.Sampler fileCounts = LogNormalDistribution.of(model.filesLogMean(), model.filesLogSd())
                .createSampler(random::nextLong);
        Map<String, Integer> files = new HashMap<>();
        if (recordedFiles) {
            scenario.files().forEach((key, seen) -> {
                if (seen > 0) {
                    files.put(key, seen);
                }
            });
        }
        java.util.function.BiFunction<String, String, Distribution> dist = (name, version) -> new Distribution(name,
                version, files.computeIfAbsent(PackageName.normalize(name) + " " + version,
                        k -> (int) Math.max(1, Math.min(model.filesMax(), Math.round(fileCounts.sample())))));
        Map<String, Distribution> installed = new TreeMap<>();
        scenario.installed().forEach((name, version) -> installed.put(PackageName.normalize(name), dist.apply(name, version)));
        List<TraceLine> lines = new ArrayList<>();
        long anchor = scenario.begin();
        lines.add(new TraceLine.Marker(anchor, 0, "begin", -1, List.of(), null, truth(installed)));
        for (Step step : scenario.steps()) {
            long stepStart = anchor + step.pause();
            Map<String, Distribution> after = new TreeMap<>(installed);
            long lastExit = stepStart;
            for (Op op : step.ops()) {
                long start = stepStart + op.offset();
                lines.add(new TraceLine.Marker(start, 0, "start", step.number(), op.command(), null, null));
                long exit;
                if (op.dists().isEmpty()) {
                    exit = start + op.duration();
                } else if (op.uninstall()) {
                    List<Distribution> removed = new ArrayList<>();
                    for (Dist d : op.dists()) {
                        removed.add(installed.containsKey(d.key()) ? installed.get(d.key()) : dist.apply(d.name(), d.version()));
                        after.remove(d.key());
                    }
                    SyntheticPip.Command command = SyntheticPip.uninstall(start, removed, model.timing(), random, true);
                    lines.addAll(command.events());
                    exit = command.exit();
                } else {
                    List<Distribution> dependencies = new ArrayList<>();
                    List<Distribution> requested = new ArrayList<>();
                    for (Dist d : op.dists()) {
                        Distribution made = dist.apply(d.name(), d.version());
                        (d.requested() ? requested : dependencies).add(made);
                        after.put(d.key(), made);
                    }
                    SyntheticPip.Command command = SyntheticPip.install(start, dependencies, requested, installed,
                            model.timing(), random, true);
                    lines.addAll(command.events());
                    exit = command.exit();
                }
                lines.add(new TraceLine.Marker(exit, 0, "end", step.number(), op.command(), op.exitCode(), null));
                lastExit = Math.max(lastExit, exit);
            }
            installed.clear();
            installed.putAll(after);
            anchor = lastExit + step.stateDelay();
            lines.add(new TraceLine.Marker(anchor, 0, "state", step.number(), List.of(), null, truth(installed)));
        }
        lines.add(new TraceLine.Marker(anchor + 1_000_000_000L, 0, "finish", -1, List.of(), null, null));
        List<TraceLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingLong(TraceLine::t));
        return sorted;
    }

    private static Map<String, String> truth(Map<String, Distribution> installed) {
        Map<String, String> truth = new LinkedHashMap<>();
        installed.values().forEach(d -> truth.put(d.name(), d.version()));
        return truth;
    }
}
