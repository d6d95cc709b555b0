package dev.ferry.report.run;

import dev.ferry.sim.Quantiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Sessions' disruption split by a key (their cluster, their team), and the worst sessions. */
final class Groups {

    /**
     * One group's figures; quantiles by nearest rank, as results.json's.
     *
     * @param disruptedWhileActive sessions whose user saw a window
     * @param userVisible          {p50, p95, p99, max} of the sessions' summed user-visible seconds
     * @param total                the same of all their windows
     */
    record Group(String key, int sessions, int disruptedWhileActive, double[] userVisible, double[] total) {
    }

    private Groups() {
    }

    /** The rows grouped by {@code key} (sessions with a null key left out), groups in the keys' order. */
    static List<Group> split(List<SessionDisruptions.Row> rows, IntFunction<String> key) {
        Map<String, List<SessionDisruptions.Row>> byKey = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String k = key.apply(i);
            if (k != null) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(rows.get(i));
            }
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((k, members) -> groups.add(new Group(k, members.size(),
                (int) members.stream().filter(SessionDisruptions.Row::whileActive).count(),
                Quantiles.nearestRank(members.stream().mapToDouble(SessionDisruptions.Row::userVisibleSeconds).toArray()),
                Quantiles.nearestRank(members.stream().mapToDouble(SessionDisruptions.Row::totalSeconds).toArray()))));
        return groups;
    }

    /**
     * The indexes of the {@code n} most disrupted sessions with any disruption: most user-visible seconds first,
     * then most seconds in all, then the lower index.
     */
    static int[] worst(List<SessionDisruptions.Row> rows, int n) {
        Comparator<Integer> order = Comparator.<Integer>comparingDouble(i -> -rows.get(i).userVisibleSeconds())
                .thenComparingDouble(i -> -rows.get(i).totalSeconds()).thenComparingInt(i -> i);
        return IntStream.range(0, rows.size()).boxed().filter(i -> rows.get(i).totalSeconds() > 0).sorted(order)
                .limit(n).mapToInt(Integer::intValue).toArray();
    }
}
