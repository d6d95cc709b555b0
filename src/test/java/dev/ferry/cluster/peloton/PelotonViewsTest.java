package dev.ferry.cluster.peloton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PelotonViewsTest {

    private static SessionJob job(String id, String owner, String team, String zone, TaskState state) {
        return new SessionJob(id, owner, team, zone, Resources.of(2, 8192),
                new TaskStatus(state, TaskState.RUNNING, 3, ""));
    }

    @Test
    @DisplayName("the pod id is Peloton's <job id>-<instance id>-<run id>, instance 0")
    void podIdNamesTheRun() {
        assertThat(job("7c1e", "ana", "ml", "z1", TaskState.RUNNING).podId()).isEqualTo("7c1e-0-3");
    }

    @Test
    @DisplayName("a query matches every set criterion; unset criteria and empty states match all")
    void queryMatching() {
        SessionJob a = job("a", "ana", "ml", "zone-a", TaskState.RUNNING);
        SessionJob b = job("b", "bo", "bi", "zone-b", TaskState.KILLED);
        assertThat(JobQuery.all().matches(a)).isTrue();
        assertThat(new JobQuery(null, null, null, null).matches(b)).isTrue();
        assertThat(JobQuery.all().inZone("zone-a").matches(a)).isTrue();
        assertThat(JobQuery.all().inZone("zone-a").matches(b)).isFalse();
        assertThat(JobQuery.all().ofTeam("bi").ofOwner("bo").matches(b)).isTrue();
        assertThat(JobQuery.all().ofTeam("bi").ofOwner("ana").matches(b)).isFalse();
        assertThat(JobQuery.all().inStates(TaskState.RUNNING, TaskState.STARTING).matches(a)).isTrue();
        assertThat(JobQuery.all().inStates(TaskState.RUNNING).matches(b)).isFalse();
        assertThat(new JobQuery(null, null, null, EnumSet.of(TaskState.KILLED)).states())
                .isEqualTo(Set.of(TaskState.KILLED));
    }

    @Test
    @DisplayName("unavailable, deadline, rate-limit and version conflicts are retryable; the rest are not")
    void retryableCodes() {
        assertThat(EnumSet.allOf(PelotonException.Code.class).stream().filter(PelotonException.Code::retryable))
                .containsExactlyInAnyOrder(PelotonException.Code.UNAVAILABLE, PelotonException.Code.DEADLINE_EXCEEDED,
                        PelotonException.Code.RESOURCE_EXHAUSTED, PelotonException.Code.ABORTED);
        PelotonException e = new PelotonException(PelotonException.Code.NOT_FOUND, "j1", "gone");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.jobId()).isEqualTo("j1");
        assertThat(e).hasMessage("NOT_FOUND [job j1]: gone");
    }

    @Test
    @DisplayName("views reject nonsense: negative resources, run ids below 1")
    void validation() {
        assertThatThrownBy(() -> new Resources(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Resources(Double.NaN, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskStatus(TaskState.RUNNING, TaskState.RUNNING, 0, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
