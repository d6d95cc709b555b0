package dev.ferry.tracker.debounce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.tracker.watch.FsEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuietPeriodDebouncerTest {

    @Test
    @DisplayName("flushes a fixed quiet period after the last event, bounded by the max wait from the first")
    void quietPeriod() {
        QuietPeriodDebouncer debouncer = new QuietPeriodDebouncer(100, 250);
        assertThat(debouncer.deadline()).isEqualTo(Debouncer.NONE);
        debouncer.onEvent(FsEvent.top(0, FsEvent.Kind.CREATED, "a"), 0);
        assertThat(debouncer.deadline()).isEqualTo(100);
        debouncer.onEvent(FsEvent.top(0, FsEvent.Kind.CREATED, "b"), 90);
        assertThat(debouncer.deadline()).isEqualTo(190);
        debouncer.onEvent(FsEvent.top(0, FsEvent.Kind.CREATED, "c"), 180);
        assertThat(debouncer.deadline()).isEqualTo(250);
        debouncer.flushed(250);
        assertThat(debouncer.deadline()).isEqualTo(Debouncer.NONE);
    }
}
