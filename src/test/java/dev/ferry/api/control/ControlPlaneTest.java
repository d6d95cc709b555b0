package dev.ferry.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.migrate.reconcile.CheckpointStatus;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.checkpoint.CheckpointText;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The control plane's rules on a manual clock and the in-memory store. */
class ControlPlaneTest {

    static final long T0 = 1_795_882_938_000L;
    static final long MINUTE = 60_000L;
    static final long MS = 1_000_000L;

    final ManualTime time = new ManualTime(0, T0);
    final InMemorySessionStore store = new InMemorySessionStore();
    final ControlPlane plane = new ControlPlane(store, time);

    @Nested
    @DisplayName("a checkpoint upload")
    class Uploads {

        @Test
        @DisplayName("is created the first time, stored as sent, and the barrier sees its generation and written time")
        void created() {
            String text = Checkpoints.text(3, T0 - MINUTE);
            assertThat(Durable.answer(plane.upload("alice", text))).isEqualTo(new UploadOutcome.Created(3));
            assertThat(plane.checkpointText("alice")).contains(text);
            assertThat(plane.status("alice")).contains(
                    new CheckpointStatus(3, T0 - MINUTE, false, OptionalLong.empty()));
        }

        @Test
        @DisplayName("replaces the stored one only with a newer generation")
        void replaced() {
            Durable.answer(plane.upload("alice", Checkpoints.text(3, T0)));
            assertThat(Durable.answer(plane.upload("alice", Checkpoints.text(5, T0 + 1))))
                    .isEqualTo(new UploadOutcome.Replaced(5, 3));
            assertThat(Durable.answer(plane.upload("alice", Checkpoints.text(4, T0 + 2))))
                    .isEqualTo(new UploadOutcome.NotNewer(5, 4));
            assertThat(plane.checkpointText("alice")).contains(Checkpoints.text(5, T0 + 1));
        }

        @Test
        @DisplayName("of a text stored once and replaced since is not newer: only the stored text is confirmed")
        void resentAfterReplaced() {
            Durable.answer(plane.upload("alice", Checkpoints.text(3, T0)));
            Durable.answer(plane.upload("alice", Checkpoints.text(5, T0 + 1)));
            assertThat(Durable.answer(plane.upload("alice", Checkpoints.text(3, T0))))
                    .isEqualTo(new UploadOutcome.NotNewer(5, 3));
            assertThat(Durable.answer(plane.upload("alice", Checkpoints.text(5, T0 + 1))))
                    .isEqualTo(new UploadOutcome.Confirmed(5));
            assertThat(plane.checkpointText("alice")).contains(Checkpoints.text(5, T0 + 1));
        }

        @Test
        @DisplayName("of the same generation with other content is not newer, and the stored one stays")
        void sameGenerationOtherContent() {
            Durable.answer(plane.upload("alice", Checkpoints.text(3, T0, "2.4.6")));
            assertThat(Durable.answer(plane.upload("alice", Checkpoints.text(3, T0, "2.5.0"))))
                    .isEqualTo(new UploadOutcome.NotNewer(3, 3));
            assertThat(plane.checkpointText("alice")).contains(Checkpoints.text(3, T0, "2.4.6"));
        }

        @Test
        @DisplayName("of the very checkpoint stored confirms it current as of now, which the barrier then reads")
        void confirmed() {
            Durable.answer(plane.upload("alice", Checkpoints.text(3, T0 - 10 * MINUTE)));
            time.advanceBy(5 * MINUTE * MS);
            assertThat(Durable.answer(plane.upload("alice", Checkpoints.text(3, T0 - 10 * MINUTE))))
                    .isEqualTo(new UploadOutcome.Confirmed(3));
            assertThat(plane.status("alice").orElseThrow().generationEpochMillis()).isEqualTo(T0 + 5 * MINUTE);
        }

        @Test
        @DisplayName("whose checksum does not verify is refused as damaged, naming the session, and nothing is stored")
        void damaged() {
            String text = Checkpoints.text(3, T0).replace("numpy 2.4.6", "numpy 2.4.7");
            UploadOutcome outcome = Durable.answer(plane.upload("alice", text));
            assertThat(outcome).isInstanceOf(UploadOutcome.Damaged.class);
            assertThat(((UploadOutcome.Damaged) outcome).reason()).contains("session alice");
            assertThat(plane.session("alice")).isEmpty();
        }

        @Test
        @DisplayName("that is not a checkpoint at all, or is truncated, is refused as damaged")
        void malformed() {
            assertThat(Durable.answer(plane.upload("alice", "hello"))).isInstanceOf(UploadOutcome.Damaged.class);
            String text = Checkpoints.text(3, T0);
            assertThat(Durable.answer(plane.upload("alice", text.substring(0, text.length() / 2))))
                    .isInstanceOf(UploadOutcome.Damaged.class);
        }

        @Test
        @DisplayName("over the tracker's own size limit is refused from its size")
        void tooLarge() {
            String text = "x".repeat((int) CheckpointText.MAX_BYTES + 1);
            assertThat(Durable.answer(plane.upload("alice", text)))
                    .isEqualTo(new UploadOutcome.TooLarge(CheckpointText.MAX_BYTES + 1, CheckpointText.MAX_BYTES));
        }

        @Test
        @DisplayName("for an id outside the safe set is refused before anything is read")
        void badId() {
            assertThatThrownBy(() -> Durable.answer(plane.upload("../etc", Checkpoints.text(1, T0))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session id");
        }
    }

    @Nested
    @DisplayName("activity")
    class Activity {

        @Test
        @DisplayName("moves forward and never back")
        void forwardOnly() {
            assertThat(Durable.answer(plane.activity("alice", T0 - MINUTE)))
                    .isEqualTo(new ActivityOutcome.Recorded(T0 - MINUTE));
            assertThat(Durable.answer(plane.activity("alice", T0 - 5 * MINUTE)))
                    .isEqualTo(new ActivityOutcome.Recorded(T0 - MINUTE));
            assertThat(plane.lastActivity("alice")).hasValue(T0 - MINUTE);
        }

        @Test
        @DisplayName("up to 59 minutes ahead of the clock is taken; beyond that it is refused and nothing moves")
        void future() {
            assertThat(Durable.answer(plane.activity("alice", T0 + 59 * MINUTE)))
                    .isEqualTo(new ActivityOutcome.Recorded(T0 + 59 * MINUTE));
            assertThat(Durable.answer(plane.activity("bob", T0 + 59 * MINUTE + 1)))
                    .isEqualTo(new ActivityOutcome.TooFarAhead(T0 + 59 * MINUTE + 1, T0 + 59 * MINUTE));
            assertThat(plane.lastActivity("bob")).isEmpty();
        }

        @Test
        @DisplayName("of a session never heard of is empty")
        void unknown() {
            assertThat(plane.lastActivity("nobody")).isEmpty();
        }
    }

    @Nested
    @DisplayName("what the barrier reads")
    class Barrier {

        @Test
        @DisplayName("is empty before a checkpoint, even when an install was reported")
        void emptyBeforeCheckpoint() {
            Durable.answer(plane.install("alice", true));
            assertThat(plane.status("alice")).isEmpty();
            assertThat(plane.session("alice").orElseThrow().installInProgress()).isTrue();
        }

        @Test
        @DisplayName("carries install in progress while it is set, and the restored generation once reported")
        void installAndRestored() {
            Durable.answer(plane.upload("alice", Checkpoints.text(2, T0)));
            Durable.answer(plane.install("alice", true));
            assertThat(plane.status("alice").orElseThrow().installInProgress()).isTrue();
            Durable.answer(plane.install("alice", false));
            Durable.answer(plane.restored("alice", 2));
            assertThat(plane.status("alice")).contains(new CheckpointStatus(2, T0, false, OptionalLong.of(2)));
        }

        @Test
        @DisplayName("forgets the restored generation when the container goes down or its restore fails, until the next one reports")
        void restoredForgotten() {
            Durable.answer(plane.upload("alice", Checkpoints.text(2, T0)));
            Durable.answer(plane.restored("alice", 2));
            Durable.answer(plane.forgetRestored("alice"));
            assertThat(plane.status("alice")).contains(new CheckpointStatus(2, T0, false, OptionalLong.empty()));
            Durable.answer(plane.forgetRestored("alice"));
            Durable.answer(plane.restored("alice", 0));
            assertThat(plane.status("alice").orElseThrow().restoredGeneration()).hasValue(0);
        }
    }

    @Test
    @DisplayName("pause is kept by the store and read back")
    void pause() {
        assertThat(plane.paused()).isFalse();
        Durable.answer(plane.setPaused(true));
        assertThat(store.paused()).isTrue();
        assertThat(new ControlPlane(store, time).paused()).isTrue();
    }

    @Test
    @DisplayName("keeps the scheduler's latest overview, and says why it held a session back")
    void overview() {
        assertThat(plane.overview()).isEmpty();
        assertThat(plane.heldBecause("alice")).isEmpty();
        plane.publish(Overviews.sample(T0));
        assertThat(plane.overview()).contains(Overviews.sample(T0));
        assertThat(plane.heldBecause("alice").orElseThrow().code()).isEqualTo("paused");
        assertThat(plane.heldBecause("bob")).isEmpty();
    }

    @Test
    @DisplayName("the activity the scheduler reads is the tracker's reported activity")
    void activityForTheScheduler() {
        dev.ferry.migrate.reconcile.CheckpointSignals signals = plane;
        Durable.answer(plane.activity("alice", T0 - MINUTE));
        assertThat(signals.lastActivity("alice")).hasValue(T0 - MINUTE);
    }
}
