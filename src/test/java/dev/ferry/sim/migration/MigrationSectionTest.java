package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.config.ConfigException;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload's {@code migration:} section is read strictly; errors name the file, line and field. */
class MigrationSectionTest {

    @TempDir
    Path dir;

    private static final String HEAD = "name: x\nsessions: 10\ndays: 2\nstart: 2026-11-30T00:00:00Z\n";
    private static final String MODELS = """
            models:
              pip: %1$s/model/pip.yaml
              activity: %1$s/model/activity.yaml
              restarts: %1$s/model/restarts.yaml
              population: %1$s/model/population.yaml
            """.formatted(Path.of("").toAbsolutePath());

    private Path workload(String migration) throws Exception {
        return Files.writeString(dir.resolve("w.yaml"), HEAD + migration + MODELS);
    }

    private static String clusters() {
        return Path.of("model/clusters.yaml").toAbsolutePath().toString();
    }

    @Test
    void absentMeansNoMigration() throws Exception {
        assertThat(WorkloadReader.read(Path.of("workloads/dsw-3500.yaml")).migration()).isNull();
    }

    @Test
    void theShippedMigrationWorkloadsAreValid() throws Exception {
        Workload w = WorkloadReader.read(Path.of("workloads/dsw-3500-migration.yaml"));
        assertThat(w.migration().strategy()).isEqualTo(Strategy.IDLE_AWARE);
        assertThat(w.migration().clusters().clusters()).hasSize(4);
        Workload small = WorkloadReader.read(Path.of("src/test/resources/sim/migrate-small.yaml"));
        assertThat(small.migration().clusters().clusters()).hasSize(2);
        assertThat(small.migration().maxConcurrent()).isEqualTo(10);
    }

    @Test
    void readsEveryField() throws Exception {
        Workload w = WorkloadReader.read(workload("""
                migration:
                  strategy: rolling
                  idle_threshold_minutes: 45
                  start_hour: 2
                  deadline_hour: 30
                  notice_hours: 4
                  rolling_per_hour: 12
                  clusters: %s
                  budgets: {max_concurrent: 7, max_per_cluster: 3, max_team_share: 0.2, windows: "* 0-7 * * *; * * * * 0,6"}
                """.formatted(clusters())));
        Workload.Migration m = w.migration();
        assertThat(m.strategy()).isEqualTo(Strategy.ROLLING);
        assertThat(m.idleThresholdMinutes()).isEqualTo(45);
        assertThat(m.startHour()).isEqualTo(2);
        assertThat(m.deadlineHour()).isEqualTo(30);
        assertThat(m.noticeHours()).isEqualTo(4);
        assertThat(m.rollingPerHour()).isEqualTo(12);
        assertThat(m.maxConcurrent()).isEqualTo(7);
        assertThat(m.maxPerCluster()).isEqualTo(3);
        assertThat(m.maxTeamShare()).isEqualTo(0.2);
        assertThat(m.windows()).hasSize(2);
    }

    @Test
    void anUnknownStrategyNamesItsLineAndTheChoices() throws Exception {
        Path file = workload("migration:\n  strategy: sideways\n");
        assertThatThrownBy(() -> WorkloadReader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " line 6: migration.strategy: must be one of idle-aware, rolling, big-bang");
    }

    @Test
    void aMisspeltFieldIsRejected() throws Exception {
        Path file = workload("migration:\n  idle_minutes: 3\n");
        assertThatThrownBy(() -> WorkloadReader.read(file))
                .hasMessageStartingWith(file + " line 6: migration.idle_minutes: unknown field");
    }

    @Test
    void aBadWindowIsRejected() throws Exception {
        Path file = workload("migration:\n  clusters: " + clusters() + "\n  budgets: {windows: \"* 25 * * *\"}\n");
        assertThatThrownBy(() -> WorkloadReader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 7").hasMessageContaining("'* 25 * * *' is not a cron window");
    }

    @Test
    void aDeadlineBeforeTheStartIsRejected() throws Exception {
        Path file = workload("migration:\n  start_hour: 10\n  deadline_hour: 5\n");
        assertThatThrownBy(() -> WorkloadReader.read(file))
                .hasMessageContaining("line 7").hasMessageContaining("deadline_hour: must not be before start_hour");
    }

    @Test
    void aMissingClusterModelIsRejected() throws Exception {
        Path file = workload("migration:\n  clusters: nowhere.yaml\n");
        assertThatThrownBy(() -> WorkloadReader.read(file))
                .hasMessageContaining("line 6").hasMessageContaining("no cluster model file at");
    }

    @Test
    void readsFaultsAndExpandsAZoneToItsClusters() throws Exception {
        Workload w = WorkloadReader.read(workload("""
                migration:
                  clusters: %s
                  faults:
                    api_error_rate: 0.2
                    outages:
                      - {cluster: k8s-a1, from_hour: 20, hours: 6}
                      - {zone: zone-b, from_hour: 30, hours: 2, nodes_lost: true}
                    node_losses_per_cluster_day: 3
                    node_down_hours: 0.5
                    slow_pod_starts: {share: 0.1, factor: 8}
                """.formatted(clusters())));
        var f = w.migration().faults();
        assertThat(f.apiErrorRate()).isEqualTo(0.2);
        assertThat(f.outages()).containsExactly(
                new dev.ferry.sim.workload.MigrationFaults.Outage("k8s-a1", 20, 6, false),
                new dev.ferry.sim.workload.MigrationFaults.Outage("k8s-b1", 30, 2, true),
                new dev.ferry.sim.workload.MigrationFaults.Outage("k8s-b2", 30, 2, true));
        assertThat(f.nodeLossesPerClusterDay()).isEqualTo(3);
        assertThat(f.nodeDownHours()).isEqualTo(0.5);
        assertThat(f.slowStartShare()).isEqualTo(0.1);
        assertThat(f.slowStartFactor()).isEqualTo(8);
    }

    @Test
    void schedulerRestartsAreAFault() throws Exception {
        Path file = workload("migration:\n  clusters: " + clusters()
                + "\n  faults:\n    scheduler_restarts: {per_day: 24, down_minutes: 5}\n");
        dev.ferry.sim.workload.MigrationFaults f = WorkloadReader.read(file).migration().faults();
        assertThat(f.schedulerRestarts())
                .isEqualTo(new dev.ferry.sim.workload.MigrationFaults.SchedulerRestarts(24, 5));
        assertThat(f.any()).isTrue();
        Path typo = workload("migration:\n  clusters: " + clusters()
                + "\n  faults:\n    scheduler_restarts: {per_day: 24, down_minute: 5}\n");
        assertThatThrownBy(() -> WorkloadReader.read(typo)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("down_minute");
    }

    @Test
    void noFaultsByDefault() throws Exception {
        assertThat(WorkloadReader.read(Path.of("workloads/dsw-3500-migration.yaml")).migration().faults().any())
                .isFalse();
    }

    @Test
    void anOutageOfAnUnknownClusterNamesTheClustersThereAre() throws Exception {
        Path file = workload("migration:\n  clusters: " + clusters()
                + "\n  faults:\n    outages:\n      - {cluster: k8s-z9, from_hour: 1, hours: 1}\n");
        assertThatThrownBy(() -> WorkloadReader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 9").hasMessageContaining("no cluster 'k8s-z9'")
                .hasMessageContaining("k8s-a1");
    }

    @Test
    void anOutageNamesAClusterOrAZoneNotBoth() throws Exception {
        Path file = workload("migration:\n  clusters: " + clusters()
                + "\n  faults:\n    outages:\n      - {cluster: k8s-a1, zone: zone-a, from_hour: 1, hours: 1}\n");
        assertThatThrownBy(() -> WorkloadReader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("either a cluster or a zone");
    }

    @Test
    void anErrorRateOfOneIsRejected() throws Exception {
        Path file = workload("migration:\n  clusters: " + clusters() + "\n  faults: {api_error_rate: 1}\n");
        assertThatThrownBy(() -> WorkloadReader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("api_error_rate");
    }
}
