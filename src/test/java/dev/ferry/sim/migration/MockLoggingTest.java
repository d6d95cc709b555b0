package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the mocked clusters' log filters drop what the simulation means to happen, and nothing else")
class MockLoggingTest {

    private static LogRecord record(String message, Throwable thrown) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setThrown(thrown);
        return r;
    }

    @Test
    @DisplayName("a blocked event loop under 10 s is a starved machine (dropped); 10 s or more is a hang (kept)")
    void blockedThreads() {
        assertThat(MockLogging.notStarved(record("Thread vert.x-eventloop-thread-1 has been blocked for 4197 ms,"
                + " time limit is 2000 ms", null))).isFalse();
        assertThat(MockLogging.notStarved(record("Thread vert.x-eventloop-thread-1 has been blocked for 10000 ms,"
                + " time limit is 2000 ms", new Exception("its stack")))).isTrue();
        assertThat(MockLogging.notStarved(record("something else", null))).isTrue();
    }

    @Test
    @DisplayName("a close reported after its event loop stopped is dropped; another rejected task is kept")
    void shutdownNotice() {
        assertThat(MockLogging.notShutdownNotice(record("Failed to submit a listener notification task. Event loop"
                + " shut down?", new RejectedExecutionException("event executor terminated")))).isFalse();
        assertThat(MockLogging.notShutdownNotice(record("Failed to submit a listener notification task. Event loop"
                + " shut down?", new IllegalStateException("other")))).isTrue();
        assertThat(MockLogging.notShutdownNotice(record("Failed to run a task", new RejectedExecutionException())))
                .isTrue();
    }
}
