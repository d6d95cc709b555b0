package dev.ferry.cli;

import dev.ferry.tracker.checkpoint.CheckpointLock;
import dev.ferry.tracker.watch.JdkWatcher;
import java.io.IOException;

/** The checkpoint's lock and the watcher, open while tracking. */
record TrackingHandles(CheckpointLock lock, JdkWatcher watcher) {
    void close() {
        closeWatcher();
        closeQuietly(lock);
    }

    void closeWatcher() {
        try {
            watcher.close();
        } catch (IOException e) {
            // nothing is written through it; the system frees it when this process ends
        }
    }

    static void closeQuietly(CheckpointLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the system releases it when this process ends
        }
    }
}
