package dev.ferry.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.time.ManualTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How the control plane orders each session's writes over a store that commits when the test says
 * ({@link ManualCommits}): answers wait for the commit, a session's changes reach the store one at a time in the
 * order decided, and nothing is read from a record that is not durable.
 */
class SessionWritesTest {

    static final long T0 = 1_795_882_938_000L;

    final ManualCommits store = new ManualCommits();
    final ControlPlane plane = new ControlPlane(store, new ManualTime(0, T0));

    static <T> CompletableFuture<T> f(CompletionStage<T> stage) {
        return stage.toCompletableFuture();
    }

    @Nested
    @DisplayName("an upload")
    class Answers {

        @Test
        @DisplayName("is answered only once its commit is done, and the barrier sees it only then")
        void answeredWhenDurable() {
            CompletableFuture<UploadOutcome> first = f(plane.upload("alice", Checkpoints.text(3, T0)));

            assertThat(first).isNotDone();
            assertThat(plane.status("alice")).isEmpty();
            store.commit(0);
            assertThat(first).isCompletedWithValue(new UploadOutcome.Created(3));
            assertThat(plane.status("alice").orElseThrow().generation()).isEqualTo(3);
        }

        @Test
        @DisplayName("is decided against the session's pending upload: an older one is refused, naming the pending"
                + " generation, but only once that one is durable")
        void decidedOnPending() {
            CompletableFuture<UploadOutcome> five = f(plane.upload("alice", Checkpoints.text(5, T0)));
            CompletableFuture<UploadOutcome> four = f(plane.upload("alice", Checkpoints.text(4, T0)));

            assertThat(four).isNotDone();
            store.commit(0);
            assertThat(five).isCompletedWithValue(new UploadOutcome.Created(5));
            assertThat(four).isCompletedWithValue(new UploadOutcome.NotNewer(5, 4));
            assertThat(store.waiting).isEmpty();
        }
    }

    @Nested
    @DisplayName("a session's changes")
    class Order {

        @Test
        @DisplayName("reach the store one at a time, each after the previous is durable; other sessions' at once")
        void oneAtATimePerSession() {
            CompletableFuture<UploadOutcome> one = f(plane.upload("alice", Checkpoints.text(1, T0)));
            CompletableFuture<UploadOutcome> two = f(plane.upload("alice", Checkpoints.text(2, T0)));
            CompletableFuture<Void> install = f(plane.install("alice", true));
            CompletableFuture<UploadOutcome> bob = f(plane.upload("bob", Checkpoints.text(7, T0)));

            assertThat(store.waitingSessions()).containsExactly("alice", "bob");
            store.commit(1);
            assertThat(bob).isCompletedWithValue(new UploadOutcome.Created(7));
            store.commit(0);
            assertThat(one).isCompletedWithValue(new UploadOutcome.Created(1));
            assertThat(two).isNotDone();
            assertThat(store.waiting).hasSize(1);
            store.commit(0);
            assertThat(two).isCompletedWithValue(new UploadOutcome.Replaced(2, 1));
            store.commit(0);
            assertThat(install).isDone();
            SessionRecord alice = store.durable.find("alice").orElseThrow();
            assertThat(alice.generation()).isEqualTo(2);
            assertThat(alice.installInProgress()).isTrue();
        }

        @Test
        @DisplayName("decided on top of one whose commit failed fail with it; the next is decided on the durable record")
        void failureTakesTheLaterOnes() {
            Durable.answer(commitNow(plane.upload("alice", Checkpoints.text(1, T0))));
            CompletableFuture<UploadOutcome> two = f(plane.upload("alice", Checkpoints.text(2, T0)));
            CompletableFuture<UploadOutcome> three = f(plane.upload("alice", Checkpoints.text(3, T0)));
            CompletableFuture<UploadOutcome> olderThanThree = f(plane.upload("alice", Checkpoints.text(2, T0 + 1)));

            store.fail(0);
            assertThat(two).isCompletedExceptionally();
            assertThat(three).isCompletedExceptionally();
            assertThat(olderThanThree).isCompletedExceptionally();
            assertThat(store.waiting).isEmpty();
            assertThatThrownBy(three::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(SessionStoreException.class);

            CompletableFuture<UploadOutcome> retry = f(plane.upload("alice", Checkpoints.text(2, T0)));
            store.commit(0);
            assertThat(retry).isCompletedWithValue(new UploadOutcome.Replaced(2, 1));
        }

        private <T> CompletionStage<T> commitNow(CompletionStage<T> stage) {
            store.commit(0);
            return stage;
        }
    }
}
