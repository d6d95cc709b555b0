package dev.ferry.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.api.control.Checkpoints;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.Durable;
import dev.ferry.time.ManualTime;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store keeps what the control plane was told across a close and a reopen; one server per folder. */
class SqliteSessionStoreTest {

    static final long T0 = 1_795_882_938_000L;

    @TempDir
    Path dir;

    @Test
    @DisplayName("records, checkpoint texts and the pause are read back after reopening")
    void reopen() throws Exception {
        ManualTime time = new ManualTime(0, T0);
        try (SqliteSessionStore store = SqliteSessionStore.open(dir)) {
            ControlPlane plane = new ControlPlane(store, time);
            Durable.answer(plane.upload("alice", Checkpoints.text(4, T0)));
            Durable.answer(plane.activity("alice", T0 + 5));
            Durable.answer(plane.install("alice", true));
            Durable.answer(plane.restored("alice", 3));
            Durable.answer(plane.upload("bob", Checkpoints.text(1, T0)));
            Durable.answer(plane.setPaused(true));
        }
        try (SqliteSessionStore store = SqliteSessionStore.open(dir)) {
            ControlPlane plane = new ControlPlane(store, time);
            assertThat(plane.sessions()).isEqualTo(2);
            assertThat(plane.checkpointText("alice")).contains(Checkpoints.text(4, T0));
            assertThat(plane.lastActivity("alice")).hasValue(T0 + 5);
            assertThat(plane.status("alice").orElseThrow().installInProgress()).isTrue();
            assertThat(plane.status("alice").orElseThrow().restoredGeneration()).hasValue(3);
            assertThat(plane.paused()).isTrue();
            assertThat(Durable.answer(plane.upload("alice", Checkpoints.text(3, T0))).accepted()).isFalse();
        }
    }

    @Test
    @DisplayName("a second store on the same folder is refused while the first is open")
    void oneServerPerFolder() throws Exception {
        SqliteSessionStore first = SqliteSessionStore.open(dir);
        try {
            assertThatThrownBy(() -> SqliteSessionStore.open(dir)).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another ferry serve");
        } finally {
            first.close();
        }
        SqliteSessionStore.open(dir).close();
    }
}
