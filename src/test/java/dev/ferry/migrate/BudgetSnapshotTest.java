package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A budget snapshot and a session move refuse inconsistent input with a message naming the field")
class BudgetSnapshotTest {

    private static SessionMove flying(String session) {
        return new SessionMove(session, "alice", "ds", "k8s-a");
    }

    @Test
    @DisplayName("a session cannot be in flight twice")
    void duplicateInFlight() {
        assertThatThrownBy(() -> new BudgetSnapshot(List.of(flying("s1"), flying("s1")), Map.of()))
                .hasMessage("inFlight lists session s1 twice");
    }

    @Test
    @DisplayName("team counts are not negative")
    void negativeCount() {
        assertThatThrownBy(() -> new BudgetSnapshot(List.of(), Map.of("ds", -1)))
                .hasMessage("teamSessions[ds] must be at least 0, found -1");
    }

    @Test
    @DisplayName("names are not blank")
    void blankNames() {
        assertThatThrownBy(() -> new SessionMove("s1", "", "ds", "k8s-a"))
                .hasMessage("owner must not be blank, found \"\"");
        assertThatThrownBy(() -> new SessionMove("s1", "alice", "ds", null))
                .hasMessage("cluster must not be blank, found null");
        assertThatThrownBy(() -> new BudgetSnapshot(List.of(), Map.of(" ", 1)))
                .hasMessage("a team name in teamSessions must not be blank, found \" \"");
    }

    @Test
    @DisplayName("keeps its own copies")
    void copies() {
        List<SessionMove> inFlight = new ArrayList<>(List.of(flying("s1")));
        Map<String, Integer> teams = new HashMap<>(Map.of("ds", 3));
        BudgetSnapshot snapshot = new BudgetSnapshot(inFlight, teams);
        inFlight.clear();
        teams.clear();
        assertThat(snapshot.inFlight()).hasSize(1);
        assertThat(snapshot.teamSessions()).containsEntry("ds", 3);
    }
}
