package dev.ferry.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import dev.ferry.tracker.watch.FsEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The tracker wiring on a manual clock and an in-memory environment. */
class TrackerTest {

    private static final long MS = 1_000_000L;

    private final TrackerFixture fixture = new TrackerFixture();
    private final ManualTime time = fixture.time;
    private final SimulatedEnvironment env = fixture.env;
    private final MemoryCheckpointStore store = new MemoryCheckpointStore();
    private final List<Checkpoint> written = fixture.written;

    private Tracker tracker() {
        return fixture.tracker(store);
    }

    private void install(Tracker tracker, String name, String version) {
        fixture.install(tracker, name, version);
    }

    @Test
    @DisplayName("first start takes the image's set as the baseline and writes generation 1")
    void firstStart() throws Exception {
        env.writeFile("pip-23.2.1.dist-info/RECORD", "");
        tracker().start(false);
        assertThat(written).singleElement().satisfies(c -> {
            assertThat(c.generation()).isEqualTo(1);
            assertThat(c.environments().get(0).baseline().asMap()).containsEntry("pip", "23.2.1");
            assertThat(c.environments().get(0).diff().isEmpty()).isTrue();
            assertThat(c.writtenAtEpochMillis()).isEqualTo(1_795_000_000_000L);
        });
    }

    @Test
    @DisplayName("an install is checkpointed once, at the settle time after its final RECORD")
    void oneCheckpointPerInstall() throws Exception {
        Tracker tracker = tracker();
        tracker.start(false);
        time.advanceTo(1000 * MS);
        install(tracker, "numpy", "2.4.6");
        time.advanceTo(1049 * MS);
        assertThat(written).hasSize(1);
        time.advanceTo(1050 * MS);
        assertThat(written).hasSize(2);
        assertThat(written.get(1).generation()).isEqualTo(2);
        assertThat(written.get(1).packages().asMap()).containsEntry("numpy", "2.4.6");
        time.advanceTo(10_000 * MS);
        assertThat(written).hasSize(2);
        assertThat(time.pendingCount()).as("no timer churn left behind").isZero();
    }

    @Test
    @DisplayName("events that change nothing write nothing")
    void noChangeNoWrite() throws Exception {
        Tracker tracker = tracker();
        tracker.start(false);
        tracker.onEvent(FsEvent.top(0, FsEvent.Kind.MODIFIED, "easy-install.pth"));
        time.advanceTo(5_000 * MS);
        assertThat(written).hasSize(1);
    }

    @Test
    @DisplayName("a restart with a matching checkpoint continues its generation without writing")
    void resumes() throws Exception {
        Tracker first = tracker();
        first.start(false);
        install(first, "numpy", "2.4.6");
        time.advanceTo(100 * MS);
        written.clear();
        Tracker second = tracker();
        second.start(false);
        assertThat(written).isEmpty();
        assertThat(second.generation()).isEqualTo(2);
    }

    @Test
    @DisplayName("a restart on an environment that differs from the checkpoint refuses, unless told to accept")
    void conflict() throws Exception {
        Tracker first = tracker();
        first.start(false);
        install(first, "numpy", "2.4.6");
        time.advanceTo(100 * MS);
        env.delete("numpy-2.4.6.dist-info"); // a new container from the image, not restored
        assertThatThrownBy(() -> tracker().start(false)).isInstanceOf(TrackerConflictException.class)
                .hasMessageContaining("differs from checkpoint generation 2").hasMessageContaining("1 removed");
        written.clear();
        tracker().start(true);
        assertThat(written).singleElement().satisfies(c -> {
            assertThat(c.generation()).isEqualTo(3);
            assertThat(c.packages().asMap()).doesNotContainKey("numpy");
        });
    }

    @Test
    @DisplayName("a stopped tracker never writes again, even with a flush pending, as when its container is killed")
    void stopped() throws Exception {
        Tracker tracker = tracker();
        tracker.start(false);
        install(tracker, "numpy", "2.4.6");
        tracker.stop();
        time.advanceTo(60_000 * MS);
        install(tracker, "scipy", "1.17.1");
        tracker.flushNow();
        time.advanceTo(120_000 * MS);
        assertThat(written).hasSize(1);
        assertThat(time.pendingCount()).isZero();
    }

    @Test
    @DisplayName("flushNow writes what is pending at once, for an orderly shutdown")
    void flushNow() throws Exception {
        Tracker tracker = tracker();
        tracker.start(false);
        install(tracker, "numpy", "2.4.6");
        tracker.flushNow();
        assertThat(written).hasSize(2);
        assertThat(tracker.pending()).isFalse();
    }
}
