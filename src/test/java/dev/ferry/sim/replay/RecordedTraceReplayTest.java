package dev.ferry.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.trace.TraceLine;
import dev.ferry.trace.TraceReader;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.debounce.QuietPeriodDebouncer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tracker's targets on every recorded trace: exact at every quiescent point, at most 1.3
 * checkpoints per state-changing pip command, latency p50 at most 150 ms and max 500 ms. Traces b–d
 * were recorded with no load, CPU load and disk load (see the traces README).
 */
class RecordedTraceReplayTest {

    private static final long MS = 1_000_000L;

    static Stream<String> traces() {
        return Stream.of("pip-session-a", "pip-session-b", "pip-session-c", "pip-session-d");
    }

    private static List<TraceLine> read(String name) throws Exception {
        return TraceReader.read(Path.of("src/test/resources/traces", name + ".jsonl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    @DisplayName("the pip-aware tracker meets every target")
    void pipAwareMeetsTargets(String name) throws Exception {
        List<TraceLine> trace = read(name);
        ReplaySummary summary = ReplayScoring.score(trace,
                TraceReplay.run(trace, () -> new PipAwareDebouncer(DebounceSettings.DEFAULTS)));
        assertThat(summary.exactAtQuiescence()).isEqualTo(1.0);
        assertThat(summary.captured()).isEqualTo(summary.stateChangingSteps());
        assertThat(summary.amplification()).isLessThanOrEqualTo(1.3);
        assertThat(summary.latencyP50Ms()).isLessThanOrEqualTo(150);
        assertThat(summary.latencyMaxMs()).isLessThanOrEqualTo(500);
        assertThat(summary.stateChangingSteps()).as("the trace exercises the tracker").isGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest(name = "quiet period {0} ms")
    @ValueSource(longs = {20, 50, 100, 200, 500})
    @DisplayName("no fixed quiet period meets all targets on all traces")
    void fixedQuietPeriodFails(long quietMs) throws Exception {
        boolean allMet = true;
        for (String name : traces().toList()) {
            List<TraceLine> trace = read(name);
            ReplaySummary summary = ReplayScoring.score(trace,
                    TraceReplay.run(trace, () -> new QuietPeriodDebouncer(quietMs * MS, 30_000 * MS)));
            allMet &= summary.meetsTargets();
        }
        assertThat(allMet).isFalse();
    }
}
