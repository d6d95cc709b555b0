package dev.ferry.load;

import io.gatling.charts.stats.CountsVsTimePlot;
import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.PercentilesVsTimePlot;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.stats.ErrorStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One simulation's results, read from its binary {@code simulation.log} by Gatling's own reader (the one its HTML
 * report is made from), so the figures here are the report's.
 */
final class GatlingResults {

    /** Counts and response times of a set of requests; times in ms as Gatling reports them. */
    record Figures(long requests, long ok, long ko, double meanRps, int p50, int p95, int p99, int max) {
    }

    private final LogFileData data;
    private final String simulation;

    private GatlingResults(LogFileData data) {
        this.data = data;
        String className = data.runInfo().simulationClassName();
        this.simulation = className.substring(className.lastIndexOf('.') + 1);
    }

    String simulation() {
        return simulation;
    }

    /**
     * The newest run of each simulation under {@code resultsFolder} (Gatling names a run's folder after the
     * simulation and its start time), by simulation class name.
     */
    static Map<String, GatlingResults> newestRuns(Path resultsFolder) throws IOException {
        GatlingConfiguration config = GatlingConfiguration.load();
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> folders = Files.list(resultsFolder)) {
            folders.filter(f -> Files.isRegularFile(f.resolve("simulation.log"))).forEach(runs::add);
        }
        runs.sort(Comparator.comparing(GatlingResults::started));
        Map<String, GatlingResults> newest = new LinkedHashMap<>();
        for (Path run : runs) {
            GatlingResults results = new GatlingResults(
                    LogFileReader.apply(run.getFileName().toString(), resultsFolder, config).read());
            newest.put(results.simulation(), results);
        }
        return newest;
    }

    private static long started(Path run) {
        try {
            return Files.getLastModifiedTime(run.resolve("simulation.log")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** All requests. */
    Figures all() {
        return figures(Option.empty(), Option.empty());
    }

    /** The requests named {@code name}. */
    Figures request(String name) {
        return figures(Option.apply(name), Option.empty());
    }

    /** The requests named {@code name} that succeeded (their times alone). */
    Figures succeeded(String name) {
        return figures(Option.apply(name), Option.<Status>apply(OK$.MODULE$));
    }

    /**
     * What the requests did between {@code from} and {@code to} after the run's start.
     *
     * @param uploadsOkPerSecond the uploads answered with success per second, on average over the window
     * @param ko                 the requests of any name that failed in the window
     * @param p99AtMost          a bound on the p99 of every request answered with success in the window: the highest
     *                           of its seconds' p99s (no more than 1% of any second is above it, so no more than
     *                           1% of the window); Gatling keeps no finer record a window's percentile could come from
     */
    record Window(Duration from, Duration to, double uploadsOkPerSecond, long ko, int p99AtMost) {
    }

    /**
     * The window from {@code from} to {@code to}, from Gatling's own per-second counts and percentiles (those of its
     * report's charts), with {@code uploads} the name of the upload requests; zeros when the run has no second there.
     */
    Window window(String uploads, Duration from, Duration to) {
        long uploaded = 0;
        int seconds = 0;
        for (CountsVsTimePlot p : CollectionConverters.asJava(
                data.numberOfRequestsPerSecond(Option.apply(uploads), Option.empty()))) {
            if (within(p.time(), from, to)) {
                uploaded += p.oks();
                seconds++;
            }
        }
        long ko = 0;
        for (CountsVsTimePlot p : CollectionConverters.asJava(
                data.numberOfRequestsPerSecond(Option.empty(), Option.empty()))) {
            if (within(p.time(), from, to)) {
                ko += p.kos();
            }
        }
        int p99 = 0;
        for (PercentilesVsTimePlot p : CollectionConverters.asJava(
                data.responseTimePercentilesOverTime(OK$.MODULE$, Option.empty(), Option.empty()))) {
            if (within(p.time(), from, to) && p.percentiles().isDefined()) {
                p99 = Math.max(p99, p.percentiles().get().percentile99());
            }
        }
        return new Window(from, to, seconds == 0 ? 0 : (double) uploaded / seconds, ko, p99);
    }

    private static boolean within(int timeMillis, Duration from, Duration to) {
        return timeMillis >= from.toMillis() && timeMillis < to.toMillis();
    }

    /** Each distinct failure message with its count. */
    Map<String, Integer> errors() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ErrorStats e : CollectionConverters.asJava(data.errors(Option.empty(), Option.empty()))) {
            out.put(e.message(), e.count());
        }
        return out;
    }

    private Figures figures(Option<String> request, Option<Status> status) {
        Optional<GeneralStats> all = stats(request, status);
        if (all.isEmpty()) {
            return new Figures(0, 0, 0, 0, 0, 0, 0, 0);
        }
        GeneralStats s = all.get();
        long ok = status.isEmpty() ? stats(request, Option.<Status>apply(OK$.MODULE$)).map(GeneralStats::count).orElse(0L)
                : s.count();
        long ko = status.isEmpty() ? stats(request, Option.<Status>apply(KO$.MODULE$)).map(GeneralStats::count).orElse(0L)
                : 0;
        return new Figures(s.count(), ok, ko, s.meanRequestsPerSec(), percentile(s, 50), percentile(s, 95),
                percentile(s, 99), s.max());
    }

    private Optional<GeneralStats> stats(Option<String> request, Option<Status> status) {
        Option<GeneralStats> found = data.requestGeneralStats(request, Option.empty(), status);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get());
    }

    private static int percentile(GeneralStats s, double p) {
        return ((Number) s.percentile().apply(p)).intValue();
    }
}
