package dev.ferry.tracker.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.ManualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("activity relay: reads the notebook server on the timer, forwards only forward in time")
class ActivityRelayTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long EVERY = 60 * SECOND;
    private static final long T0 = 1_764_600_000_000L; // an epoch ms, the notebook server's clock

    /** A notebook server whose last activity the test sets; answers at once. */
    private static final class Notebook implements ActivitySource {
        ActivityReading now = new ActivityReading.Seen(T0);
        int reads;

        @Override
        public void read(Consumer<ActivityReading> answered) {
            reads++;
            answered.accept(now);
        }

        @Override
        public String describe() {
            return "http://127.0.0.1:8888/api/status";
        }
    }

    /** A control plane that records what it was sent; it refuses while {@code down}. */
    private static final class ControlPlane implements ActivitySink {
        final List<Long> received = new ArrayList<>();
        boolean down;

        @Override
        public void send(long epochMillis, Consumer<Optional<String>> answered) {
            if (down) {
                answered.accept(Optional.of("connection refused"));
            } else {
                received.add(epochMillis);
                answered.accept(Optional.empty());
            }
        }

        @Override
        public String describe() {
            return "http://127.0.0.1:8686";
        }
    }

    private final ManualTime time = new ManualTime();
    private final Notebook notebook = new Notebook();
    private final ControlPlane plane = new ControlPlane();
    private final List<String> warnings = new ArrayList<>();
    private final ActivityRelay relay = new ActivityRelay(time, time, Runnable::run, notebook, plane, EVERY,
            warnings::add);

    @Test
    @DisplayName("reads at start and every period; forwards a time once, and each newer one when it appears")
    void forwardsEachNewTimeOnce() {
        relay.start();
        time.advanceTo(150 * SECOND); // reads at 0, 60, 120: still T0
        notebook.now = new ActivityReading.Seen(T0 + 90_000);
        time.advanceTo(300 * SECOND); // reads at 180, 240, 300

        assertThat(notebook.reads).isEqualTo(6);
        assertThat(plane.received).containsExactly(T0, T0 + 90_000);
        assertThat(relay.forwardedEpochMillis()).isEqualTo(T0 + 90_000);
    }

    @Test
    @DisplayName("a reading older than one forwarded (a restarted notebook server) is never sent")
    void neverBackwards() {
        relay.start();
        notebook.now = new ActivityReading.Seen(T0 + 600_000);
        time.advanceTo(EVERY);
        notebook.now = new ActivityReading.Seen(T0 + 5_000); // restarted: its activity clock began anew
        time.advanceTo(3 * EVERY);
        notebook.now = new ActivityReading.Seen(T0 + 700_000);
        time.advanceTo(4 * EVERY);

        assertThat(plane.received).containsExactly(T0, T0 + 600_000, T0 + 700_000);
    }

    @Test
    @DisplayName("after each checkpoint upload the latest time goes once more, as confirmation; before any reading, nothing")
    void confirmsAfterACheckpointUpload() {
        relay.checkpointUploaded();
        assertThat(plane.received).isEmpty();

        relay.start();
        relay.checkpointUploaded();
        relay.checkpointUploaded();
        time.advanceTo(2 * EVERY);

        assertThat(plane.received).containsExactly(T0, T0, T0);
    }

    @Test
    @DisplayName("the control plane down: said once, sent again after the next reading, said once when it works again")
    void retriesAfterTheNextReading() {
        relay.start(); // T0 forwarded
        plane.down = true;
        relay.checkpointUploaded(); // its confirmation fails, and is kept for later
        notebook.now = new ActivityReading.Seen(T0 + 1_000);
        time.advanceTo(2 * EVERY); // T0 + 1 s fails at 60 and 120
        plane.down = false;
        time.advanceTo(3 * EVERY); // at 180: T0 + 1 s, sent after the upload, confirms it too

        assertThat(plane.received).containsExactly(T0, T0 + 1_000);
        assertThat(warnings).containsExactly(
                "cannot forward activity to http://127.0.0.1:8686 (connection refused); trying again after the next"
                        + " reading",
                "forwarding activity to http://127.0.0.1:8686 works again");
    }

    @Test
    @DisplayName("a notebook server that does not answer: said once, read again every period, said once when back")
    void unreadableSource() {
        notebook.now = new ActivityReading.Failed("HTTP 403: the Jupyter token was refused");
        relay.start();
        time.advanceTo(2 * EVERY);
        notebook.now = new ActivityReading.Seen(T0);
        time.advanceTo(3 * EVERY);

        assertThat(notebook.reads).isEqualTo(4);
        assertThat(plane.received).containsExactly(T0);
        assertThat(warnings).containsExactly("cannot read activity from http://127.0.0.1:8888/api/status (HTTP 403:"
                + " the Jupyter token was refused); trying again every period",
                "reading activity from http://127.0.0.1:8888/api/status works again");
    }

    @Test
    @DisplayName("stopped: nothing is read or sent any more, and no timer is left behind")
    void stop() {
        relay.start();
        relay.stop();
        notebook.now = new ActivityReading.Seen(T0 + 1);
        time.advanceTo(10 * EVERY);
        relay.checkpointUploaded();

        assertThat(notebook.reads).isEqualTo(1);
        assertThat(plane.received).containsExactly(T0);
        assertThat(time.pendingCount()).isZero();
    }
}
