package dev.ferry.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.PipModel;
import dev.ferry.model.PipTiming;
import dev.ferry.sim.replay.ReplayScoring;
import dev.ferry.sim.replay.ReplaySummary;
import dev.ferry.sim.replay.ScenarioMirror;
import dev.ferry.sim.replay.TraceReplay;
import dev.ferry.trace.TraceLine;
import dev.ferry.trace.TraceReader;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Does the fitted pip model ({@code model/pip.yaml}) make bursts like the recorded ones? Each recorded
 * trace's scenario (its commands, each with the same distributions, requested or not, replacing a version
 * or not) is played again by the synthetic pip ({@link ScenarioMirror}, keepAll), several times with
 * fixed seeds, and compared with the recordings through the same attribution code
 * ({@link TraceSample}):
 * <ul>
 *   <li>events per freshly installed distribution, with every file count drawn from the model;</li>
 *   <li>the gaps between consecutive events inside a command, with each distribution given the files
 *       its recording shows: pooled gaps are a mixture over gap kinds whose shares follow the sizes of the
 *       distributions a scenario touches (a trace that reinstalls botocore has far more deletions), so
 *       this keeps the scenario's sizes and tests the timing; the sizes are tested by the events above;</li>
 *   <li>the tracker's metrics (exactness, latency p50, checkpoints per state-changing operation) on the
 *       mirrored scenarios against the same on the recordings, over all four traces: the model is pooled
 *       over the four recording conditions (no load, CPU load, disk load), and one trace's 7 to 10
 *       operations make one extra checkpoint an 11% change.</li>
 * </ul>
 * Kolmogorov-Smirnov tests (commons-math3) at significance {@value #ALPHA}: several comparisons run, so a
 * 5% level for each would raise false alarms; and gaps are subsampled to {@value #GAPS} per side, since
 * on the 145,000 recorded gaps (not independent: consecutive gaps of one command share its load) the test
 * rejects CDF differences of a percent, far below what matters to the debouncer; at 2,000 a side the
 * critical distance is about 0.05.
 */
class FidelityTest {

    static final double ALPHA = 0.01;
    static final int GAPS = 2000;
    private static final int MIRRORS = 5;
    private static final int GAP_MIRRORS = 2;
    private static final KolmogorovSmirnovTest KS = new KolmogorovSmirnovTest();

    static PipModel model;
    static final TraceSample recorded = new TraceSample();
    /** Mirrors with every file count drawn from the model. */
    static final TraceSample modelSized = new TraceSample();
    /** Mirrors with the file counts the recordings show. */
    static final TraceSample recordedSized = new TraceSample();
    static final Map<String, ReplaySummary> recordedMetrics = new LinkedHashMap<>();
    static final Map<String, List<ReplaySummary>> mirroredMetrics = new LinkedHashMap<>();

    @BeforeAll
    static void mirrorTheRecordings() throws Exception {
        model = PipModel.read(Path.of("model/pip.yaml"));
        for (String name : List.of("a", "b", "c", "d")) {
            List<TraceLine> trace = TraceReader.read(Path.of("src/test/resources/traces/pip-session-" + name + ".jsonl"));
            recorded.add(name, trace);
            recordedMetrics.put(name, score(trace));
            RecordedScenario.Scenario scenario = RecordedScenario.scenario(trace);
            List<ReplaySummary> metrics = new ArrayList<>();
            for (int i = 0; i < MIRRORS; i++) {
                List<TraceLine> mirror = ScenarioMirror.synthesize(scenario, model, new SplittableRandom(100L * i + name.charAt(0)),
                        false);
                modelSized.add(name, mirror);
                metrics.add(score(mirror));
            }
            mirroredMetrics.put(name, metrics);
            for (int i = 0; i < GAP_MIRRORS; i++) {
                recordedSized.add(name, ScenarioMirror.synthesize(scenario, model, new SplittableRandom(7L * i + name.charAt(0)),
                        true));
            }
        }
    }

    @Test
    void recordedTimingIsTheFittedModel() {
        assertThat(model.timing()).isEqualTo(PipTiming.RECORDED);
    }

    @Test
    void eventsPerDistributionMatchTheRecordings() {
        double[] real = recorded.eventsPerFreshDistribution();
        double[] synthetic = modelSized.eventsPerFreshDistribution();
        double d = KS.kolmogorovSmirnovStatistic(real, synthetic);
        double p = KS.kolmogorovSmirnovTest(real, synthetic);
        report("events per fresh distribution: recorded n=%d median %.0f, synthetic n=%d median %.0f; KS D=%.3f p=%.3f",
                real.length, median(real), synthetic.length, median(synthetic), d, p);
        assertThat(p).as("KS p-value, events per distribution").isGreaterThan(ALPHA);
    }

    @Test
    void gapsInsideBurstsMatchTheRecordings() {
        double[] real = subsample(recorded.burstGaps(), GAPS, 1);
        double[] synthetic = subsample(recordedSized.burstGaps(), GAPS, 2);
        double d = KS.kolmogorovSmirnovStatistic(real, synthetic);
        double p = KS.kolmogorovSmirnovTest(real, synthetic);
        report("gaps inside bursts (%d of %d recorded, %d of %d synthetic): median %.3f vs %.3f ms, p99 %.1f vs %.1f ms;"
                        + " KS D=%.3f p=%.3f", GAPS, recorded.burstGaps().length, GAPS, recordedSized.burstGaps().length,
                median(real), median(synthetic), quantile(real, 0.99), quantile(synthetic, 0.99), d, p);
        assertThat(p).as("KS p-value, pooled gaps inside bursts").isGreaterThan(ALPHA);
        for (GapKind kind : GapKind.values()) {
            double[] r = subsample(recorded.gaps(kind), GAPS, 3);
            double[] s = subsample(recordedSized.gaps(kind), GAPS, 4);
            double pk = KS.kolmogorovSmirnovTest(r, s);
            report("  %s gaps: recorded n=%d, synthetic n=%d; KS D=%.3f p=%.3f", kind, r.length, s.length,
                    KS.kolmogorovSmirnovStatistic(r, s), pk);
            assertThat(pk).as("KS p-value, %s gaps", kind).isGreaterThan(ALPHA);
        }
    }

    @Test
    void trackerMetricsOnMirroredScenariosMatchTheRecordings() {
        int realOperations = 0;
        int realCheckpoints = 0;
        double realP50 = 0;
        int syntheticOperations = 0;
        int syntheticCheckpoints = 0;
        double syntheticP50 = 0;
        int runs = 0;
        for (String name : recordedMetrics.keySet()) {
            ReplaySummary real = recordedMetrics.get(name);
            assertThat(real.exactAtQuiescence()).as("exactness on recorded trace %s", name).isEqualTo(1.0);
            realOperations += real.stateChanging();
            realCheckpoints += real.checkpoints();
            realP50 += real.latencyP50Ms();
            StringBuilder line = new StringBuilder();
            for (ReplaySummary mirror : mirroredMetrics.get(name)) {
                assertThat(mirror.exactAtQuiescence()).as("exactness on a mirror of %s", name).isEqualTo(1.0);
                assertThat(mirror.captured()).as("operations captured on a mirror of %s", name)
                        .isEqualTo(mirror.stateChangingSteps());
                syntheticOperations += mirror.stateChanging();
                syntheticCheckpoints += mirror.checkpoints();
                syntheticP50 += mirror.latencyP50Ms();
                runs++;
                line.append(String.format(Locale.ROOT, " %d/%d", mirror.checkpoints(), mirror.stateChanging()));
            }
            report("trace %s: recorded p50 %.1f ms, %d checkpoints / %d operations; mirrors:%s", name,
                    real.latencyP50Ms(), real.checkpoints(), real.stateChanging(), line);
        }
        double realAmplification = (double) realCheckpoints / realOperations;
        double syntheticAmplification = (double) syntheticCheckpoints / syntheticOperations;
        realP50 /= recordedMetrics.size();
        syntheticP50 /= runs;
        report("checkpoints per state-changing operation: recorded %.3f, mirrored %.3f (%+.1f%%);"
                        + " latency p50: recorded %.1f ms, mirrored %.1f ms (%+.1f%%)", realAmplification,
                syntheticAmplification, 100 * (syntheticAmplification / realAmplification - 1), realP50, syntheticP50,
                100 * (syntheticP50 / realP50 - 1));
        assertThat(syntheticAmplification / realAmplification).as("amplification ratio").isBetween(0.9, 1.1);
        assertThat(syntheticP50 / realP50).as("latency p50 ratio").isBetween(0.9, 1.1);
    }

    private static ReplaySummary score(List<TraceLine> trace) {
        return ReplayScoring.score(trace, TraceReplay.run(trace, () -> new PipAwareDebouncer(DebounceSettings.DEFAULTS)));
    }

    /** {@code n} values drawn without replacement (a seeded partial shuffle), or all of them. */
    static double[] subsample(double[] values, int n, long seed) {
        if (values.length <= n) {
            return values.clone();
        }
        double[] copy = values.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(copy.length - i);
            double swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return Arrays.copyOf(copy, n);
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static void report(String format, Object... args) {
        System.out.println("FidelityTest: " + String.format(Locale.ROOT, format, args));
    }
}
