package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.run.Simulation;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * zone-outage.yaml's shape at test size, with leases: one cluster dark with its nodes, then the other cut off with
 * its pods still running. The same workload without leases is the comparison: it must wait out each outage.
 */
@DisplayName("leases in the simulation: sessions leave a lost cluster after TTL + margin, never running twice")
class LeaseFencingSimulationTest {

    private static final Path WORKLOAD = Path.of("src/test/resources/sim/zone-outage-small.yaml");
    private static Workload workload;
    private static MigrationOutcome leased;
    private static MigrationOutcome blind;

    @BeforeAll
    static void run() throws Exception {
        workload = WorkloadReader.read(WORKLOAD);
        leased = runOf(workload);
        Workload.Migration m = workload.migration();
        Workload w = workload;
        blind = runOf(new Workload(w.name(), w.description(), w.sessions(), w.days(), w.start(), w.pip(),
                w.activity(), w.restarts(), w.population(), w.storm(),
                new Workload.Migration(m.strategy(), m.idleThresholdMinutes(), m.maxConcurrent(), m.maxPerCluster(),
                        m.maxTeamShare(), m.windows(), m.deadlineHour(), m.noticeHours(), m.rollingPerHour(),
                        m.startHour(), m.clusters(), m.faults(), m.pauses(), java.util.Optional.empty())));
        for (MigrationOutcome o : new MigrationOutcome[] {leased, blind}) {
            System.out.printf("%s: migrated %d rolled back %d stranded %d double %d; disrupted while active %d,"
                    + " user-visible p99 %.0f s max %.0f s; %s%n", o.fencing().isPresent() ? "leases" : "no leases",
                    o.migrated(), o.rolledBack(), o.stranded(), o.doubleRunning(), o.disruptedWhileActive(),
                    o.userVisibleSeconds()[2], o.userVisibleSeconds()[3], o.fencing());
        }
    }

    private static MigrationOutcome runOf(Workload w) throws Exception {
        Simulation simulation = new Simulation(w, 5, Strategy.IDLE_AWARE);
        simulation.run(f -> { });
        return simulation.migration();
    }

    @Test
    @DisplayName("no session is ever usable in two places, none is stranded, no package is lost")
    void guarantees() {
        assertThat(leased.doubleRunning()).isZero();
        assertThat(leased.stranded()).isZero();
        assertThat(leased.lostPackages()).isZero();
        assertThat(leased.migrated() + leased.onSource() + leased.migratingAtEnd()).isEqualTo(workload.sessions());
    }

    @Test
    @DisplayName("the disruption budgets hold as the clusters saw them written (10 in flight, 6 per cluster, half a"
            + " team): a Job the source took over from is retired, not rolled back through a state counted in flight")
    void budgetsHold() {
        MigrationOutcome.BudgetPeaks peaks = leased.budgets();
        assertThat(peaks.inFlight()).isLessThanOrEqualTo(workload.migration().maxConcurrent());
        assertThat(peaks.perCluster()).isLessThanOrEqualTo(workload.migration().maxPerCluster());
        assertThat(peaks.teamOverLimit()).isZero();
    }

    @Test
    @DisplayName("the pods of the cut-off cluster fenced themselves while it was unreachable")
    void fencedWhileCutOff() {
        MigrationOutcome.Fencing f = leased.fencing().orElseThrow();
        assertThat(f.fencedWhileUnreachable()).isPositive();
        assertThat(f.fenced()).isGreaterThanOrEqualTo(f.fencedWhileUnreachable());
        assertThat(blind.fencing()).isEmpty();
    }

    @Test
    @DisplayName("no user-visible disruption lasts an outage's hours: under an hour (seed 5: 527 s), while without"
            + " leases the longest is the outage (6.1 h)")
    void minutesNotHours() {
        assertThat(blind.userVisibleSeconds()[3]).as("without leases the sessions wait out an outage")
                .isGreaterThan(4 * 3_600);
        assertThat(leased.userVisibleSeconds()[3]).isLessThan(3_600);
    }
}
