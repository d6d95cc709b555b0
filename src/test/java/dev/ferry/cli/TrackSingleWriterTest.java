package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import dev.ferry.testing.TrackerProcess;
import dev.ferry.tracker.checkpoint.CheckpointLock;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per checkpoint, between processes: a second tracker refuses, naming the first. */
class TrackSingleWriterTest {

    @TempDir
    Path tmp;

    private static void awaitLockHeldBy(Path ck, long pid) throws Exception {
        Path lock = CheckpointLock.lockFile(ck);
        for (int i = 0; i < 600; i++) {
            if (Files.readString(lock).startsWith("pid " + pid + " ")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the lock never named pid " + pid + ": " + Files.readString(lock));
    }

    @Test
    @DisplayName("a second tracker or a restore on a tracked checkpoint refuses with exit 2 and the holder's PID; a killed holder's lock is taken over")
    void secondTrackerRefuses() throws Exception {
        Path sp = FakeInstalls.sitePackages(tmp);
        Path ck = Files.createDirectories(tmp.resolve("home")).resolve("ck");
        String[] args = {"track", "--env", sp.toString(), "--checkpoint", ck.toString()};
        try (TrackerProcess first = TrackerProcess.start(tmp, args)) {
            first.awaitGeneration(1);
            FakeInstalls.install(sp, "alpha", "1.0");
            first.awaitGeneration(2);
            try (TrackerProcess second = TrackerProcess.start(tmp, args)) {
                assertThat(second.awaitExit()).isEqualTo(2);
                assertThat(second.stderr()).contains("is in use by pid " + first.pid())
                        .contains("ferry track").contains("only one tracker or restore");
                assertThat(second.stderr().lines().count()).isEqualTo(1);
            }
            // a restore into a new environment while the old container's tracker still runs
            FerryCli.Run restore = FerryCli.run("restore", "--checkpoint", ck.toString(), "--python", "python3");
            assertThat(restore.exitCode()).as(restore.transcript()).isEqualTo(2);
            assertThat(restore.err()).contains("is in use by pid " + first.pid()).contains("ferry track");
            assertThat(restore.out()).isEmpty();
            first.kill(); // no shutdown hook: the OS releases its lock

            try (TrackerProcess third = TrackerProcess.start(tmp, args)) {
                awaitLockHeldBy(ck, third.pid());
                Thread.sleep(2000); // the lock is taken before the start-up scan: let that scan finish first
                FakeInstalls.install(sp, "beta", "1.0");
                third.awaitGeneration(3);
                assertThat(third.terminate()).isZero();
            }
        }
        assertThat(Files.readString(CheckpointLock.lockFile(ck))).as("released on exit").isEmpty();
        FileCheckpointStore store = new FileCheckpointStore(ck, w -> { });
        assertThat(store.loadExact().orElseThrow().generation()).isEqualTo(3);
        assertThat(new FileCheckpointStore(store.previousFile(), w -> { }).loadExact().orElseThrow().generation())
                .isEqualTo(2);
    }
}
