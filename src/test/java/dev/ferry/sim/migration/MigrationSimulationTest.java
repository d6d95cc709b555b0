package dev.ferry.sim.migration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.report.ResultsJson;
import dev.ferry.sim.run.Simulation;
import dev.ferry.sim.run.SimulationResult;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The small migration end to end: the real scheduler, mock servers, kubelets and Peloton on the sessions' kernel. */
class MigrationSimulationTest {

    private static final Path SMALL = Path.of("src/test/resources/sim/migrate-small.yaml");
    private static final long SEED = 3;
    private static final Map<Strategy, MigrationOutcome> OUTCOMES = new EnumMap<>(Strategy.class);
    private static Workload workload;
    private static SimulationResult idleAwareResult;

    @BeforeAll
    static void runAll() throws Exception {
        workload = WorkloadReader.read(SMALL);
        for (Strategy s : Strategy.values()) {
            OUTCOMES.put(s, run(s));
        }
    }

    private static MigrationOutcome run(Strategy strategy) {
        long started = System.nanoTime();
        Simulation simulation = new Simulation(workload, SEED, strategy);
        SimulationResult result = simulation.run(f -> { });
        if (strategy == Strategy.IDLE_AWARE) {
            idleAwareResult = result;
        }
        MigrationOutcome m = simulation.migration();
        System.out.printf("%s: migrated %d failed %d rolled back %d stranded %d double %d makespan %.2f h;"
                        + " disrupted while active %d, user-visible p99 %.1f s max %.1f s, total p50 %.1f p99 %.1f s,"
                        + " windows %d, lost kernel state %d, lost packages %d, passes %d, wall %.1f s%n",
                m.strategy(), m.migrated(), m.failed(), m.rolledBack(), m.stranded(), m.doubleRunning(),
                m.makespanHours(), m.disruptedWhileActive(), m.userVisibleSeconds()[2], m.userVisibleSeconds()[3],
                m.totalSeconds()[0], m.totalSeconds()[2], m.windows(), m.lostKernelState(), m.lostPackages(),
                m.passes(), (System.nanoTime() - started) / 1e9);
        return m;
    }

    @Test
    void idleAwareMigratesEverySessionWithNothingStrandedOrDoubled() {
        MigrationOutcome m = OUTCOMES.get(Strategy.IDLE_AWARE);
        assertEquals(workload.sessions(), m.migrated());
        assertEquals(0, m.stranded());
        assertEquals(0, m.doubleRunning());
        assertEquals(0, m.failed());
        assertEquals(0, m.lostPackages());
    }

    @Test
    void everyStrategyEndsWithNothingStrandedOrDoubled() {
        for (MigrationOutcome m : OUTCOMES.values()) {
            assertEquals(workload.sessions(), m.migrated(), m.strategy());
            assertEquals(0, m.stranded(), m.strategy());
            assertEquals(0, m.doubleRunning(), m.strategy());
        }
    }

    @Test
    void rollingDisruptsMoreActiveUsersThanIdleAware() {
        assertTrue(OUTCOMES.get(Strategy.ROLLING).disruptedWhileActive()
                > OUTCOMES.get(Strategy.IDLE_AWARE).disruptedWhileActive(), OUTCOMES.toString());
    }

    @Test
    void resultsJsonGainsMigrationAndDisruptionOnlyWhenTheRunMigrates() {
        ObjectNode with = ResultsJson.tree(idleAwareResult, 1, List.of(), OUTCOMES.get(Strategy.IDLE_AWARE));
        assertEquals("idle-aware", with.get("migration").get("strategy").asText());
        assertEquals(workload.sessions(), with.get("migration").get("migrated").asInt());
        for (String key : new String[] {"failed", "rolled_back", "stranded", "double_running", "makespan_h"}) {
            assertTrue(with.get("migration").has(key), key);
        }
        for (String key : new String[] {"sessions_disrupted_while_active", "lost_kernel_state", "lost_packages"}) {
            assertTrue(with.get("disruption").has(key), key);
        }
        for (String q : new String[] {"p50", "p95", "p99", "max"}) {
            assertTrue(with.get("disruption").get("user_visible_s").has(q), q);
            assertTrue(with.get("disruption").get("total_s").has(q), q);
        }
        assertFalse(with.get("migration").has("still_on_source_by_reason"), "given only when sessions are left");
        ObjectNode without = ResultsJson.tree(idleAwareResult, 1, List.of());
        assertFalse(without.has("migration"));
        assertFalse(without.has("disruption"));
    }

    @Test
    void aSeedGivesTheSameFigures() {
        MigrationOutcome again = run(Strategy.IDLE_AWARE);
        MigrationOutcome first = OUTCOMES.get(Strategy.IDLE_AWARE);
        assertEquals(first.migrated(), again.migrated());
        assertEquals(first.windows(), again.windows());
        assertEquals(first.passes(), again.passes());
        assertEquals(first.makespanHours(), again.makespanHours());
        assertArrayEquals(first.totalSeconds(), again.totalSeconds());
        assertArrayEquals(first.userVisibleSeconds(), again.userVisibleSeconds());
        assertEquals(first.disruptedWhileActive(), again.disruptedWhileActive());
    }
}
