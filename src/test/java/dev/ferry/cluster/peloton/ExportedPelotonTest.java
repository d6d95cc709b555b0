package dev.ferry.cluster.peloton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ExportedPeloton: Peloton as an export says it was, read-only")
class ExportedPelotonTest {

    private static ExportedPeloton.Entry entry(String id, String team, TaskState state, OptionalLong activity) {
        return new ExportedPeloton.Entry(new SessionJob(id, "u-" + id, team, "zone-a", Resources.of(1, 1024),
                new TaskStatus(state, TaskState.RUNNING, 1, "")), activity);
    }

    private final ExportedPeloton peloton = new ExportedPeloton("sessions.yaml", List.of(
            entry("s-2", "geo", TaskState.RUNNING, OptionalLong.of(5)),
            entry("s-1", "nlp", TaskState.KILLED, OptionalLong.empty())));

    @Test
    @DisplayName("queries and gets answer from the export, ordered by job id")
    void reads() throws Exception {
        assertThat(peloton.queryJobs(JobQuery.all())).extracting(SessionJob::jobId).containsExactly("s-1", "s-2");
        assertThat(peloton.queryJobs(JobQuery.all().ofTeam("geo"))).extracting(SessionJob::jobId)
                .containsExactly("s-2");
        assertThat(peloton.queryJobs(JobQuery.all().inStates(TaskState.RUNNING))).hasSize(1);
        assertThat(peloton.getJob("s-1")).map(SessionJob::state).contains(TaskState.KILLED);
        assertThat(peloton.getJob("s-9")).isEmpty();
        assertThat(peloton.lastActivity("s-2")).hasValue(5);
        assertThat(peloton.lastActivity("s-1")).isEmpty();
    }

    @Test
    @DisplayName("stop and start change nothing and say so; an unknown job's activity is NOT_FOUND")
    void refusesChanges() throws Exception {
        assertThatThrownBy(() -> peloton.stopJob("s-2")).isInstanceOf(PelotonException.class)
                .hasMessageContaining("read-only export sessions.yaml")
                .extracting(e -> ((PelotonException) e).code()).isEqualTo(PelotonException.Code.PERMISSION_DENIED);
        assertThatThrownBy(() -> peloton.startJob("s-1")).isInstanceOf(PelotonException.class)
                .extracting(e -> ((PelotonException) e).isRetryable()).isEqualTo(false);
        assertThat(peloton.getJob("s-2")).map(SessionJob::state).contains(TaskState.RUNNING);
        assertThatThrownBy(() -> peloton.lastActivity("s-9")).isInstanceOf(PelotonException.class)
                .extracting(e -> ((PelotonException) e).code()).isEqualTo(PelotonException.Code.NOT_FOUND);
    }

    @Test
    @DisplayName("a job listed twice is refused")
    void duplicates() {
        assertThatThrownBy(() -> new ExportedPeloton("x.json", List.of(
                entry("s-1", "geo", TaskState.RUNNING, OptionalLong.empty()),
                entry("s-1", "geo", TaskState.KILLED, OptionalLong.empty()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x.json: job s-1 appears twice");
    }
}
