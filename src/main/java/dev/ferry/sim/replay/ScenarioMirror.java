package dev.ferry.sim.replay;

import dev.ferry.fit.RecordedScenario;
import dev.ferry.model.PipModel;
import dev.ferry.sim.fs.Distribution;
import dev.ferry.sim.fs.Observation;
import dev.ferry.sim.fs.SyntheticPip;
import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.PackageName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * counts too unless the recorded ones are asked for. The scenario is what {@link RecordedScenario} read off
 * the recording. Its markers ({@code begin}, {@code start}, {@code end}, {@code state}, {@code finish}) carry
 * the synthetic ground truth, so {@link ReplayScoring} scores it like a recording.
 */
public final class ScenarioMirror {

    private ScenarioMirror() {
    }

    /**
     * The recorded scenario played by the synthetic pip with {@code model}, every file count drawn from the
     * model: a trace to replay and score.
     */
    public static List<TraceLine> synthesize(List<TraceLine> recorded, PipModel model, RandomGenerator random) {
        return synthesize(RecordedScenario.scenario(recorded), model, random, false);
    }

    /**
     * The scenario played by the synthetic pip with {@code model}.
     *
     * @param recordedFiles give each distribution the files its recording shows (drawn from the model when
     *                      none were seen) instead of drawing them all from the model
     */
    public static List<TraceLine> synthesize(RecordedScenario.Scenario scenario, PipModel model, RandomGenerator random,
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
        for (RecordedScenario.Step step : scenario.steps()) {
            long stepStart = anchor + step.pause();
            Map<String, Distribution> after = new TreeMap<>(installed);
            long lastExit = stepStart;
            for (RecordedScenario.Op op : step.ops()) {
                long start = stepStart + op.offset();
                lines.add(new TraceLine.Marker(start, 0, "start", step.number(), op.command(), null, null));
                long exit;
                if (op.dists().isEmpty()) {
                    exit = start + op.duration();
                } else if (op.uninstall()) {
                    List<Distribution> removed = new ArrayList<>();
                    for (RecordedScenario.Dist d : op.dists()) {
                        removed.add(installed.containsKey(d.key()) ? installed.get(d.key()) : dist.apply(d.name(), d.version()));
                        after.remove(d.key());
                    }
                    SyntheticPip.Command command = SyntheticPip.uninstall(start, removed, model.timing(), random,
                            Observation.EVERYTHING);
                    lines.addAll(command.events());
                    exit = command.exit();
                } else {
                    List<Distribution> dependencies = new ArrayList<>();
                    List<Distribution> requested = new ArrayList<>();
                    for (RecordedScenario.Dist d : op.dists()) {
                        Distribution made = dist.apply(d.name(), d.version());
                        (d.requested() ? requested : dependencies).add(made);
                        after.put(d.key(), made);
                    }
                    SyntheticPip.Command command = SyntheticPip.install(start, dependencies, requested, installed,
                            model.timing(), random, Observation.EVERYTHING);
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
