package dev.ferry.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointStore;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A tracker whose checkpoint cannot be written says so, again and again, and knows it is not protecting the user. */
class TrackerWriteFailureTest {

    private static final long S = 1_000_000_000L;

    private final TrackerFixture fixture = new TrackerFixture();
    private final ManualTime time = fixture.time;
    private final FlakyStore store = new FlakyStore();
    private final List<String> warnings = fixture.warnings;

    /** A store that fails while {@link #failing}, and can lose what it holds, as a deleted file does. */
    static final class FlakyStore implements CheckpointStore {
        Checkpoint latest;
        boolean failing;
        int writes;

        @Override
        public Optional<Checkpoint> load() {
            return Optional.ofNullable(latest);
        }

        @Override
        public void write(Checkpoint checkpoint) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            latest = checkpoint;
            writes++;
        }

        @Override
        public boolean holds(long generation) {
            return latest != null && latest.generation() == generation;
        }
    }

    private Tracker tracker() {
        return fixture.tracker(store);
    }

    private void install(Tracker tracker, String name, String version) {
        fixture.install(tracker, name, version);
    }

    @Test
    @DisplayName("a failing write is reported at once and every 30 s while it lasts, each time saying what is unprotected")
    void reportedRepeatedly() throws Exception {
        Tracker tracker = tracker();
        tracker.start(false);
        store.failing = true;
        install(tracker, "numpy", "2.4.6");
        time.advanceTo(2 * S);
        assertThat(warnings).singleElement().asString().contains("cannot write checkpoint generation 2")
                .contains("disk full").contains("changes since generation 1 are not protected");
        time.advanceTo(95 * S);
        // one at the first failure, then at about 30 s, 60 s and 90 s
        assertThat(warnings).hasSize(4);
        assertThat(warnings.get(3)).contains("still cannot write checkpoint generation 2").contains("attempts over 9");
        assertThat(tracker.unprotected()).isTrue();
    }

    @Test
    @DisplayName("when writes succeed again the tracker says so and is protecting the user again")
    void recovers() throws Exception {
        Tracker tracker = tracker();
        tracker.start(false);
        store.failing = true;
        install(tracker, "numpy", "2.4.6");
        time.advanceTo(10 * S);
        store.failing = false;
        time.advanceTo(12 * S);
        assertThat(store.latest.generation()).isEqualTo(2);
        assertThat(store.latest.packages().asMap()).containsEntry("numpy", "2.4.6");
        assertThat(warnings.get(warnings.size() - 1)).contains("generation 2 written after").contains("protected again");
        assertThat(tracker.unprotected()).isFalse();
    }

    @Test
    @DisplayName("a write still failing at an orderly stop leaves the tracker unprotected, for its exit status")
    void failingAtStop() throws Exception {
        Tracker tracker = tracker();
        tracker.start(false);
        store.failing = true;
        install(tracker, "numpy", "2.4.6");
        tracker.flushNow();
        assertThat(tracker.unprotected()).isTrue();
    }

    @Test
    @DisplayName("at an orderly stop, a checkpoint the store lost since it was written is written anew")
    void lostCheckpointRewrittenAtStop() throws Exception {
        Tracker tracker = tracker();
        tracker.start(false);
        install(tracker, "numpy", "2.4.6");
        time.advanceTo(S);
        assertThat(store.writes).isEqualTo(2);
        store.latest = null; // the file was deleted under the tracker
        tracker.flushNow();
        assertThat(store.latest.generation()).isEqualTo(3);
        assertThat(store.latest.packages().asMap()).containsEntry("numpy", "2.4.6");
        assertThat(tracker.unprotected()).isFalse();
    }
}
