package dev.ferry.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManualTimeTest {

    @Test
    @DisplayName("runs due tasks in time order, ties in scheduling order, each at its own time")
    void order() {
        ManualTime time = new ManualTime(0, 1_000);
        List<String> ran = new ArrayList<>();
        time.schedule(20, () -> ran.add("b@" + time.nanos()));
        time.schedule(10, () -> ran.add("a@" + time.nanos()));
        time.schedule(20, () -> ran.add("c@" + time.nanos()));
        Timer.Scheduled cancelled = time.schedule(15, () -> ran.add("cancelled"));
        cancelled.cancel();
        time.advanceTo(20);
        assertThat(ran).containsExactly("a@10", "b@20", "c@20");
        assertThat(time.epochMillis()).isEqualTo(1_000);
        time.advanceTo(5_000_000);
        assertThat(time.epochMillis()).isEqualTo(1_005);
    }

    @Test
    @DisplayName("time does not go back, and a task scheduled in the past runs at once")
    void monotonic() {
        ManualTime time = new ManualTime(100, 0);
        assertThatThrownBy(() -> time.advanceTo(50)).isInstanceOf(IllegalArgumentException.class);
        List<Long> ran = new ArrayList<>();
        time.schedule(10, () -> ran.add(time.nanos()));
        time.advanceBy(0);
        assertThat(ran).containsExactly(100L);
    }
}
