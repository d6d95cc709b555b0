package dev.ferry.report.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One setting of a sweep over its seeds: its runs, and each figure of {@link #FIGURES} as a mean with a 95%
 * interval. {@code pareto} when no other setting is at least as good on both makespan and sessions disrupted while
 * active and better on one.
 */
public record SettingSummary(int number, Map<String, String> setting, List<SweepRunData> runs,
        Map<String, MeanInterval> figures, boolean pareto) {

    /** The figures the trade-off is read from: results.json's paths, in the report's order. */
    public static final List<String> FIGURES = List.of("migration.makespan_h",
            "disruption.sessions_disrupted_while_active", "disruption.user_visible_s.p99", "disruption.total_s.p99",
            "migration.rolled_back", "migration.budgets_observed.peak_in_flight");
    static final String MAKESPAN = FIGURES.get(0);
    static final String DISRUPTED = FIGURES.get(1);

    /** The settings of these runs in the order their first run comes, each with its figures and Pareto mark. */
    public static List<SettingSummary> of(List<SweepRunData> runs) {
        Map<Map<String, String>, List<SweepRunData>> bySetting = new LinkedHashMap<>();
        for (SweepRunData r : runs) {
            bySetting.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, MeanInterval>> figures = new ArrayList<>();
        for (List<SweepRunData> group : bySetting.values()) {
            Map<String, MeanInterval> f = new LinkedHashMap<>();
            for (String path : FIGURES) {
                f.put(path, MeanInterval.of(group.stream().mapToDouble(r -> r.value(path)).toArray()));
            }
            figures.add(f);
        }
        List<SettingSummary> summaries = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Map<String, String>, List<SweepRunData>> e : bySetting.entrySet()) {
            summaries.add(new SettingSummary(i + 1, e.getKey(), e.getValue(), figures.get(i), onFront(i, figures)));
            i++;
        }
        return summaries;
    }

    /** Whether setting {@code i} is on the Pareto front of (makespan, disrupted while active), both lower better. */
    static boolean onFront(int i, List<Map<String, MeanInterval>> figures) {
        double x = figures.get(i).get(MAKESPAN).mean();
        double y = figures.get(i).get(DISRUPTED).mean();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return false;
        }
        for (Map<String, MeanInterval> other : figures) {
            double ox = other.get(MAKESPAN).mean();
            double oy = other.get(DISRUPTED).mean();
            if (ox <= x && oy <= y && (ox < x || oy < y)) {
                return false;
            }
        }
        return true;
    }

    /** {@code budgets.max_concurrent=50, idle_threshold_minutes=30}. */
    public String name() {
        StringBuilder s = new StringBuilder();
        setting.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }
}
