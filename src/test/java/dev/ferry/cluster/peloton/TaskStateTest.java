package dev.ferry.cluster.peloton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    @DisplayName("only RUNNING is running: a task being preempted or killed is not usable")
    void onlyRunningIsRunning() {
        assertThat(Arrays.stream(TaskState.values()).filter(TaskState::isRunning)).containsExactly(TaskState.RUNNING);
    }

    @Test
    @DisplayName("the terminal states are Peloton's: SUCCEEDED, FAILED, LOST, KILLED, DELETED")
    void terminalStatesArePelotons() {
        assertThat(EnumSet.allOf(TaskState.class).stream().filter(TaskState::isTerminal))
                .containsExactlyInAnyOrder(TaskState.SUCCEEDED, TaskState.FAILED, TaskState.LOST, TaskState.KILLED,
                        TaskState.DELETED);
        assertThat(TaskState.KILLING.isTerminal()).isFalse();
        assertThat(TaskState.PREEMPTING.isTerminal()).isFalse();
    }

    @Test
    @DisplayName("starting covers INITIALIZED through STARTING and nothing else")
    void startingStates() {
        assertThat(EnumSet.allOf(TaskState.class).stream().filter(TaskState::isStarting))
                .containsExactly(TaskState.INITIALIZED, TaskState.PENDING, TaskState.READY, TaskState.PLACING,
                        TaskState.PLACED, TaskState.LAUNCHING, TaskState.LAUNCHED, TaskState.STARTING);
    }

    @Test
    @DisplayName("no state is both running and terminal, or both starting and terminal")
    void predicatesAreExclusive() {
        for (TaskState s : TaskState.values()) {
            assertThat(s.isRunning() && s.isTerminal()).as(s.name()).isFalse();
            assertThat(s.isStarting() && (s.isTerminal() || s.isRunning())).as(s.name()).isFalse();
        }
    }

    @Test
    @DisplayName("parses both API versions' spellings and round-trips the v1alpha name")
    void parsesPelotonNames() {
        assertThat(TaskState.fromPeloton("RUNNING")).isEqualTo(TaskState.RUNNING);
        assertThat(TaskState.fromPeloton("POD_STATE_KILLING")).isEqualTo(TaskState.KILLING);
        assertThat(TaskState.fromPeloton(" pod_state_lost ")).isEqualTo(TaskState.LOST);
        for (TaskState s : TaskState.values()) {
            assertThat(TaskState.fromPeloton(s.podStateName())).isEqualTo(s);
        }
        assertThat(TaskState.KILLED.podStateName()).isEqualTo("POD_STATE_KILLED");
    }

    @Test
    @DisplayName("an unknown name, POD_STATE_INVALID included, is rejected")
    void rejectsUnknownNames() {
        assertThatThrownBy(() -> TaskState.fromPeloton("POD_STATE_INVALID"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POD_STATE_INVALID");
        assertThatThrownBy(() -> TaskState.fromPeloton("Running!")).isInstanceOf(IllegalArgumentException.class);
    }
}
