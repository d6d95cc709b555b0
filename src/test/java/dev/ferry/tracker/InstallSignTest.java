package dev.ferry.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.watch.FsEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tracker's install sign, as the control plane hears it: on when a debouncer first holds for an open
 * distribution, a stash or a lock, off when the checkpoint that follows has landed and no such sign is left.
 */
class InstallSignTest {

    private static final long MS = 1_000_000L;

    private final TrackerFixture fixture = new TrackerFixture();
    private final ManualTime time = fixture.time;
    private final MemoryCheckpointStore store = new MemoryCheckpointStore();

    @Test
    @DisplayName("an install is on at its dist-info's creation and off at its checkpoint, 50 ms after RECORD")
    void install() throws Exception {
        Tracker tracker = fixture.tracker(store);
        tracker.start(false);
        time.advanceTo(1000 * MS);
        fixture.install(tracker, "numpy", "2.4.6");
        time.advanceTo(1049 * MS);
        assertThat(fixture.operations).containsExactly("running at 1000");
        time.advanceTo(2000 * MS);
        assertThat(fixture.operations).containsExactly("running at 1000", "done at 1050");
        assertThat(fixture.written).hasSize(2);
    }

    @Test
    @DisplayName("an uninstall's stash holds it on until the stash is gone and the checkpoint landed")
    void stash() throws Exception {
        fixture.env.writeFile("click-8.4.0.dist-info/RECORD", "");
        Tracker tracker = fixture.tracker(store);
        tracker.start(false);
        time.advanceTo(1000 * MS);
        tracker.onEvent(FsEvent.top(0, FsEvent.Kind.CREATED, "~lick-8.4.0.dist-info"));
        fixture.env.delete("click-8.4.0.dist-info");
        tracker.onEvent(FsEvent.top(0, FsEvent.Kind.DELETED, "click-8.4.0.dist-info"));
        time.advanceTo(5000 * MS);
        assertThat(fixture.operations).containsExactly("running at 1000");
        tracker.onEvent(FsEvent.top(0, FsEvent.Kind.DELETED, "~lick-8.4.0.dist-info"));
        time.advanceTo(6000 * MS);
        assertThat(fixture.operations).containsExactly("running at 1000", "done at 5050");
        assertThat(fixture.written.get(fixture.written.size() - 1).packages().asMap()).doesNotContainKey("click");
    }

    @Test
    @DisplayName("a stray top-level entry alone is not an install")
    void strayIsNot() throws Exception {
        Tracker tracker = fixture.tracker(store);
        tracker.start(false);
        fixture.env.writeFile("six.py", "");
        tracker.onEvent(FsEvent.top(0, FsEvent.Kind.CREATED, "six.py"));
        time.advanceTo(5000 * MS);
        assertThat(fixture.operations).isEmpty();
    }
}
