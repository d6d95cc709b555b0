package dev.ferry.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import dev.ferry.tracker.upload.RetryPolicy;
import dev.ferry.tracker.upload.UploadAnswer;
import dev.ferry.tracker.upload.UploadRequest;
import dev.ferry.tracker.upload.UploadTransport;
import dev.ferry.tracker.upload.Uploader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A control plane that never answers changes nothing of when checkpoints land. */
class UploadsBesideTrackerTest {

    private static final long MS = 1_000_000L;

    /** Checkpoint times (ms) of five installs 2 s apart, with or without an uploader beside the tracker. */
    private List<Long> checkpointTimes(boolean withUploader, List<UploadRequest> sent) throws Exception {
        TrackerFixture fixture = new TrackerFixture();
        ManualTime time = fixture.time;
        UploadTransport silent = new UploadTransport() {
            @Override
            public void send(UploadRequest request, Consumer<UploadAnswer> answered) {
                sent.add(request); // and never answered: a control plane that accepted the connection and hangs
            }

            @Override
            public String destination() {
                return "http://127.0.0.1:1";
            }
        };
        Uploader uploader = new Uploader(time, time, Runnable::run, silent, RetryPolicy.DEFAULTS, w -> { },
                new java.util.SplittableRandom(12));
        Tracker tracker = fixture.tracker(new MemoryCheckpointStore(), new Tracker.Listener() {
            @Override
            public void checkpointWritten(Checkpoint checkpoint) {
                if (withUploader) {
                    uploader.checkpointWritten(checkpoint.generation(), CheckpointFormat.encode(checkpoint));
                }
            }

            @Override
            public void warning(String message) {
            }

            @Override
            public void operationInProgress(boolean running) {
                if (withUploader) {
                    uploader.operationInProgress(running);
                }
            }
        });
        tracker.start(false);
        for (int i = 0; i < 5; i++) {
            time.advanceTo((1000 + 2000L * i) * MS);
            fixture.install(tracker, "pkg" + i, "1.0");
        }
        time.advanceTo(20_000 * MS);
        return fixture.written.stream().map(c -> c.writtenAtEpochMillis() - 1_795_000_000_000L).toList();
    }

    @Test
    @DisplayName("with a control plane that hangs, the same checkpoints land at the same times, and one request waits")
    void hangingControlPlane() throws Exception {
        List<UploadRequest> sent = new ArrayList<>();
        List<Long> without = checkpointTimes(false, new ArrayList<>());
        List<Long> with = checkpointTimes(true, sent);
        assertThat(without).containsExactly(0L, 1050L, 3050L, 5050L, 7050L, 9050L);
        assertThat(with).isEqualTo(without);
        assertThat(sent).singleElement().isInstanceOf(UploadRequest.Checkpoint.class);
    }
}
