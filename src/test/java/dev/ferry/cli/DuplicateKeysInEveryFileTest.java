package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.ActivityModel;
import dev.ferry.model.ClusterModel;
import dev.ferry.model.PipModel;
import dev.ferry.model.PopulationModel;
import dev.ferry.model.RestartModel;
import dev.ferry.model.config.ConfigException;
import dev.ferry.sim.gate.GateLimits;
import dev.ferry.sim.gate.Suite;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every YAML file Ferry reads (workloads, models, suites, budgets, clusters, Peloton session exports) refuses a
 * top-level key given twice, naming the file, the line and the key: each shipped file, with its first key
 * repeated at the end.
 */
class DuplicateKeysInEveryFileTest {

    @TempDir
    Path dir;

    interface Reader {
        void read(Path file) throws ConfigException;
    }

    private void assertRefused(String shipped, String key, Reader reader) throws Exception {
        String text = Files.readString(Path.of(shipped));
        String value = text.lines().filter(l -> l.startsWith(key + ":")).findFirst().orElseThrow();
        Path copy = Files.writeString(dir.resolve(Path.of(shipped).getFileName()), text + value + "\n");
        long line = text.lines().count() + 1;
        assertThatThrownBy(() -> reader.read(copy)).as(shipped).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(copy + " line " + line + ": " + key + ": duplicate key (first at line ");
    }

    @Test
    @DisplayName("workloads")
    void workloads() throws Exception {
        assertRefused("workloads/dsw-3500.yaml", "sessions", WorkloadReader::read);
        assertRefused("workloads/dsw-3500-migration.yaml", "days", WorkloadReader::read);
    }

    @Test
    @DisplayName("models")
    void models() throws Exception {
        assertRefused("model/pip.yaml", "provenance", PipModel::read);
        assertRefused("model/activity.yaml", "provenance", ActivityModel::read);
        assertRefused("model/restarts.yaml", "user_per_session_day", RestartModel::read);
        assertRefused("model/population.yaml", "provenance", PopulationModel::read);
    }

    @Test
    @DisplayName("clusters, suites and budgets")
    void clustersSuitesBudgets() throws Exception {
        assertRefused("model/clusters.yaml", "provenance", ClusterModel::read);
        assertRefused("model/clusters.yaml", "provenance", ClusterModel::readClusters);
        assertRefused("sim/suite.yaml", "runs", Suite::read);
        assertRefused("sim/budgets.yaml", "budgets", GateLimits::read);
        assertRefused("sim/budgets.yaml", "budgets", GateLimits::comparisons);
    }

    @Test
    @DisplayName("Peloton session exports, for migrate plan")
    void sessionsExport() throws Exception {
        Path shipped = Files.writeString(dir.resolve("shipped-sessions.yaml"), PlanFiles.SESSIONS);
        assertRefused(shipped.toString(), "sessions", SessionsExport::read);
    }
}
