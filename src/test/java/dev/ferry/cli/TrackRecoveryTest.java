package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.TrackerProcess;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running {@code ferry track} whose checkpoint goes away keeps protecting the user's packages, or says it cannot. */
class TrackRecoveryTest {

    @TempDir
    Path tmp;

    private static Checkpoint read(Path file) throws Exception {
        return new FileCheckpointStore(file, w -> { }).loadExact().orElseThrow();
    }

    @Test
    @DisplayName("a checkpoint deleted under a running tracker is written anew at the next install, FILE.prev kept")
    void deletedCheckpointIsRecreated() throws Exception {
        Path sp = FakeInstalls.sitePackages(tmp);
        Path ck = tmp.resolve("home/ck");
        Files.createDirectories(ck.getParent());
        try (TrackerProcess track = TrackerProcess.start(tmp, "track", "--env", sp.toString(), "--checkpoint",
                ck.toString())) {
            track.awaitGeneration(1);
            FakeInstalls.install(sp, "alpha", "1.0");
            track.awaitGeneration(2);
            Files.delete(ck);
            FakeInstalls.install(sp, "beta", "2.0");
            track.awaitGeneration(3);
            assertThat(read(ck).generation()).isEqualTo(3);
            assertThat(read(ck).packages().asMap()).containsEntry("alpha", "1.0").containsEntry("beta", "2.0");
            assertThat(read(ck.resolveSibling("ck.prev")).generation()).isEqualTo(1);

            Files.delete(ck); // and again, with nothing installed before the container stops
            assertThat(track.terminate()).isZero();
            assertThat(read(ck).packages().asMap()).containsEntry("beta", "2.0");
            assertThat(track.stderr()).contains("was missing; writing it anew");
        }
    }

    @Test
    @DisplayName("a tracker that cannot write its checkpoint says so and exits 1 when stopped")
    void failingWritesShowInTheExitStatus() throws Exception {
        Path sp = FakeInstalls.sitePackages(tmp);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path ck = home.resolve("ck");
        try (TrackerProcess track = TrackerProcess.start(tmp, "track", "--env", sp.toString(), "--checkpoint",
                ck.toString())) {
            track.awaitGeneration(1);
            // the home goes away and a file stands where its folder was: no write can succeed
            Files.delete(ck);
            Files.delete(home.resolve("ck.lock"));
            Files.delete(home);
            Files.writeString(home, "not a folder");
            FakeInstalls.install(sp, "alpha", "1.0");
            track.awaitStderr("cannot write checkpoint generation 2");
            assertThat(track.terminate()).isEqualTo(1);
            assertThat(track.stderr()).contains("changes since generation 1 are not protected")
                    .contains("stopping with changes that are not checkpointed");
        }
    }
}
