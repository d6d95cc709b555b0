package dev.ferry.fit;

import dev.ferry.trace.PipCommandLine;
import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.PackageName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a recorded trace's scenario did, command by command: the steps, the commands with their exit statuses, each
 * installing or removing which distributions (by name and version, requested or pulled in as a dependency),
 * started how long after the step before. Parallel commands are split by which pip process wrote which
 * distribution. The scenario ends before a command that crashed inside pip (its half-written state is no pip
 * behaviour the model covers). {@code sim.replay.ScenarioMirror} plays it again with the pip model.
 */
public final class RecordedScenario {

    /** One distribution a command installs (or, for an uninstall, removes). */
    public record Dist(String name, String version, boolean requested) {
        /** The normalized name, the key of an installed set. */
        public String key() {
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

    private RecordedScenario() {
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
}
