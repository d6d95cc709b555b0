package dev.ferry.fit;

import dev.ferry.trace.TraceLine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observations one or more recorded traces give for the pip model. Only steps where one pip command
 * ran alone are used (parallel commands interleave their events, so they cannot be attributed), and
 * neither failed resolutions (no events) nor commands that crashed inside pip (exit status 2 or more).
 */
public final class TraceSample {

    /** What one fresh install of a distribution (no older version replaced) showed. */
    public record Fresh(String key, int events, BurstFiles files) {
    }

    private final List<String> traces = new ArrayList<>();
    private final Map<String, Integer> mostFilesSeen = new HashMap<>();
    private final List<Fresh> fresh = new ArrayList<>();
    private final Map<GapKind, List<Double>> gaps = new EnumMap<>(GapKind.class);
    private final List<Double> burstGaps = new ArrayList<>();
    private final List<Double> resolve = new ArrayList<>();
    private final List<Double> exit = new ArrayList<>();
    private final List<Integer> dependencies = new ArrayList<>();
    private final List<Integer> uninstalled = new ArrayList<>();
    private int commandsUsed;
    private int stepsSkipped;

    /** Adds the observations of one trace, named {@code name} in the provenance. */
    public TraceSample add(String name, List<TraceLine> trace) {
        traces.add(name);
        for (RecordedStep step : RecordedStep.of(trace)) {
            if (!step.single() || step.events().isEmpty() || step.exitCode() >= 2) {
                if (!step.events().isEmpty()) {
                    stepsSkipped++;
                }
                continue;
            }
            addCommand(step);
        }
        return this;
    }

    private void addCommand(RecordedStep step) {
        List<String> command = step.starts().get(0).command();
        boolean uninstall = !command.isEmpty() && command.get(0).equals("uninstall");
        List<TraceLine.FileEvent> events = step.events();
        Attribution attribution = Attribution.of(uninstall, events);
        if (attribution.bursts().isEmpty()) {
            stepsSkipped++;
            return;
        }
        commandsUsed++;
        resolve.add(ms(events.get(0).t() - step.start()));
        TraceLine.Marker end = step.endOf(0);
        if (end != null) {
            exit.add(ms(end.t() - events.get(events.size() - 1).t()));
        }
        for (int i = 1; i < events.size(); i++) {
            double gap = ms(events.get(i).t() - events.get(i - 1).t());
            GapKind kind = attribution.owner(i) != attribution.owner(i - 1)
                    ? uninstall ? GapKind.UNINSTALL_DISTRIBUTION : GapKind.DISTRIBUTION
                    : GapKind.within(events.get(i));
            gaps.computeIfAbsent(kind, k -> new ArrayList<>()).add(gap);
            burstGaps.add(gap);
        }
        for (DistributionBurst burst : attribution.bursts()) {
            BurstFiles files = BurstFiles.of(burst);
            if (burst.removed() != null) {
                see(DistributionBurst.key(burst.removed()), files.oldFiles());
            }
            if (burst.installed() != null) {
                String key = DistributionBurst.key(burst.installed());
                see(key, files.files());
                if (burst.removed() == null) {
                    fresh.add(new Fresh(key, burst.events().size(), files));
                }
            }
        }
        if (uninstall) {
            uninstalled.add(attribution.bursts().size());
        } else if (!command.contains("--no-deps")) {
            long named = command.stream().skip(1).filter(a -> !a.startsWith("-")).count();
            dependencies.add((int) Math.max(0, attribution.bursts().size() - named));
        }
    }

    private void see(String key, int files) {
        mostFilesSeen.merge(key, files, Math::max);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The traces' names, in the order added. */
    public List<String> traces() {
        return List.copyOf(traces);
    }

    /**
     * Files per installed distribution: for every fresh install (no older version replaced), the most
     * files any observation of that name and version shows, in any trace added (each observation is a
     * lower bound, see {@link BurstFiles}). Installs that replaced a version are left out: the scripted
     * scenarios reinstall their largest distributions on purpose, which would bias the sizes upward;
     * their stash deletions still count as observations of the old version's files.
     */
    public double[] filesPerInstall() {
        return fresh.stream().mapToInt(f -> mostFilesSeen.getOrDefault(f.key(), 0)).filter(f -> f > 0)
                .asDoubleStream().toArray();
    }

    /** The most files any observation shows, by "normalized-name version". */
    public Map<String, Integer> mostFilesSeen() {
        return Map.copyOf(mostFilesSeen);
    }

    /** Fresh installs (no older version replaced): the bursts inotifywait recorded most completely. */
    public List<Fresh> fresh() {
        return List.copyOf(fresh);
    }

    /** Events per freshly installed distribution, as recorded. */
    public double[] eventsPerFreshDistribution() {
        return fresh.stream().mapToDouble(Fresh::events).toArray();
    }

    public double[] gaps(GapKind kind) {
        return toArray(gaps.getOrDefault(kind, List.of()));
    }

    /** Every gap between consecutive events of the commands used, in ms. */
    public double[] burstGaps() {
        return toArray(burstGaps);
    }

    public double[] resolve() {
        return toArray(resolve);
    }

    public double[] exit() {
        return toArray(exit);
    }

    /** Dependencies per install: distributions written minus requirements named (commands with --no-deps left out). */
    public double[] dependencies() {
        return dependencies.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    /** Distributions removed per uninstall. */
    public double[] uninstalled() {
        return uninstalled.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    /** Commands whose events were used. */
    public int commandsUsed() {
        return commandsUsed;
    }

    /** Steps with events that were left out: parallel commands, crashes inside pip. */
    public int stepsSkipped() {
        return stepsSkipped;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
