package dev.ferry.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.tracker.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The simulated home's checkpoint store: the latest checkpoint only, and a word to its reader at each write. */
class MemoryCheckpointStoreTest {

    private final MemoryCheckpointStore store = new MemoryCheckpointStore();

    @Test
    @DisplayName("each write tells the listener after the checkpoint is stored, so what it loads then is the new one")
    void writesTellTheListener() {
        List<Optional<Checkpoint>> seen = new ArrayList<>();
        store.onWrite(() -> seen.add(store.load()));
        assertThat(seen).isEmpty();

        Checkpoint first = new Checkpoint(1, 1_000, List.of());
        Checkpoint second = new Checkpoint(2, 2_000, List.of());
        store.write(first);
        store.write(second);

        assertThat(seen).containsExactly(Optional.of(first), Optional.of(second));
        assertThat(store.writes()).isEqualTo(2);
        assertThat(store.holds(2)).isTrue();
    }
}
