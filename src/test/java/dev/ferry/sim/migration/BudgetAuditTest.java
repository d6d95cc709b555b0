package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.TargetClusters;
import dev.ferry.migrate.reconcile.TargetJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the budget audit counts each migration against its session's own team, whichever write it sees first")
class BudgetAuditTest {

    /** Clusters that accept every write. */
    private static final TargetClusters ACCEPTING = new TargetClusters() {
        @Override
        public List<TargetCluster> clusters() {
            return List.of();
        }

        @Override
        public List<TargetJob> jobs(String cluster) {
            return List.of();
        }

        @Override
        public void create(String cluster, SessionSpec spec, MigrationRecord migration, boolean suspended) {
        }

        @Override
        public PatchResult patch(String cluster, String sessionId, MigrationRecord migration, Boolean suspend,
                String resourceVersion) {
            return PatchResult.PATCHED;
        }

        @Override
        public void delete(String cluster, String sessionId) {
        }
    };

    private static final BudgetAudit.Writes NOBODY = new BudgetAudit.Writes() {
        @Override
        public void stateWritten(String sessionId, String cluster, MigrationState state) {
        }

        @Override
        public void jobDeleted(String sessionId, String cluster) {
        }
    };

    // team "data" has four sessions: at a share of 0.5, two may migrate at once
    private final BudgetAudit audit = new BudgetAudit(ACCEPTING, DisruptionBudget.of(100, 100, 0.5),
            Map.of("a", "data", "b", "data", "c", "data", "d", "data", "e", "ops"), NOBODY);

    private static SessionSpec spec(String id, String team) {
        return new SessionSpec(id, "u-" + id, team, SessionKind.JUPYTER, "jupyter:1", Resources.ofGiB(1000, 4, 0),
                "nfs.example", "/homes/u-" + id, 0);
    }

    private static MigrationRecord record(MigrationState state) {
        return new MigrationRecord(1, state, 0);
    }

    @Test
    @DisplayName("a Job it never saw created (made by an earlier scheduler) and then patched back into flight counts "
            + "against its session's team, not against a team of no sessions")
    void patchedFirst() {
        audit.patch("east", "a", record(MigrationState.ROLLING_BACK), true, "1");
        audit.createSuspended("east", spec("b", "data"), record(MigrationState.STOPPING_SOURCE));

        assertThat(audit.inFlight()).isEqualTo(2);
        assertThat(audit.peaks().teamOverLimit()).as("two of data's four at a share of 0.5").isZero();
    }

    @Test
    @DisplayName("a third of the same team in flight is over its share, counted once")
    void overTheShare() {
        audit.patch("east", "a", record(MigrationState.STARTING), null, "1");
        audit.createSuspended("east", spec("b", "data"), record(MigrationState.STOPPING_SOURCE));
        audit.createSuspended("west", spec("c", "data"), record(MigrationState.STOPPING_SOURCE));
        audit.createSuspended("west", spec("e", "ops"), record(MigrationState.STOPPING_SOURCE));

        assertThat(audit.peaks().teamOverLimit()).isEqualTo(1);
        assertThat(audit.peaks().inFlight()).isEqualTo(4);
    }

    @Test
    @DisplayName("a Job patched terminal lands, and one deleted too: the team has room again")
    void landing() {
        audit.createSuspended("east", spec("a", "data"), record(MigrationState.STOPPING_SOURCE));
        audit.createSuspended("east", spec("b", "data"), record(MigrationState.STOPPING_SOURCE));
        audit.patch("east", "a", record(MigrationState.ROLLED_BACK), true, "2");
        audit.delete("east", "b");
        audit.createSuspended("east", spec("c", "data"), record(MigrationState.STOPPING_SOURCE));
        audit.createSuspended("east", spec("d", "data"), record(MigrationState.STOPPING_SOURCE));

        assertThat(audit.inFlight()).isEqualTo(2);
        assertThat(audit.peaks().teamOverLimit()).isZero();
    }
}
