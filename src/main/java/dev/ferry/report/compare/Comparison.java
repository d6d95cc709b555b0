package dev.ferry.report.compare;

import dev.ferry.report.compare.RunKey.GroupKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the comparison page shows, worked out before any HTML: the runs in order of scenario, strategy and
 * seed, each with its budgets and its baseline match; the groups (one per scenario and strategy); and a
 * {@link Contrast} for every two groups of one scenario. {@code baseline} is null when none was given.
 */
public record Comparison(List<ComparedRun> runs, List<Group> groups, List<Contrast> contrasts, List<Figure> figures,
        BaselineIndex baseline) {

    /** A run with its budgets and, when a baseline folder was given, its match there. */
    public record ComparedRun(RunData run, BudgetSummary budgets, BaselineIndex.Match baseline) {
    }

    public static Comparison of(List<RunData> runs, BaselineIndex baseline) {
        List<RunData> ordered = runs.stream()
                .sorted(Comparator.comparing(RunData::key, RunKey.ORDER).thenComparing(RunData::folderName)).toList();
        List<ComparedRun> compared = new ArrayList<>();
        for (RunData run : ordered) {
            compared.add(new ComparedRun(run, BudgetSummary.of(run.results()),
                    baseline == null ? null : baseline.match(run)));
        }
        List<Figure> figures = Figures.in(ordered.stream().map(RunData::results).toList());
        List<Group> groups = groups(ordered);
        List<Contrast> contrasts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                if (groups.get(i).key().scenario().equals(groups.get(j).key().scenario())) {
                    contrasts.add(Contrast.of(groups.get(i), groups.get(j), figures));
                }
            }
        }
        return new Comparison(List.copyOf(compared), groups, List.copyOf(contrasts), figures, baseline);
    }

    private static List<Group> groups(List<RunData> ordered) {
        Map<GroupKey, List<RunData>> runs = new LinkedHashMap<>();
        Map<GroupKey, List<RunData>> repeated = new LinkedHashMap<>();
        Set<RunKey> seen = new HashSet<>();
        for (RunData run : ordered) {
            GroupKey key = run.key().group();
            runs.computeIfAbsent(key, k -> new ArrayList<>());
            repeated.computeIfAbsent(key, k -> new ArrayList<>());
            (seen.add(run.key()) ? runs : repeated).get(key).add(run);
        }
        List<Group> groups = new ArrayList<>();
        runs.forEach((key, list) -> groups.add(new Group(key, List.copyOf(list), List.copyOf(repeated.get(key)))));
        return List.copyOf(groups);
    }

    /** Whether two runs of the page share a key, so the page must name them by folder too. */
    public boolean repeats(RunKey key) {
        return runs.stream().filter(r -> r.run().key().equals(key)).count() > 1;
    }
}
