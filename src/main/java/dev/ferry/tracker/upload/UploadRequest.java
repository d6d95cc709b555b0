package dev.ferry.tracker.upload;

import java.util.Objects;

/** One thing the tracker tells the control plane about its session. */
public sealed interface UploadRequest {

    /** A durable checkpoint, as the text of its file exactly as the tracker wrote it. */
    record Checkpoint(long generation, String text) implements UploadRequest {
        public Checkpoint {
            Objects.requireNonNull(text, "text");
            if (generation < 1) {
                throw new IllegalArgumentException("a checkpoint's generation is 1 or more, found " + generation);
            }
        }

        @Override
        public String toString() {
            return "checkpoint generation " + generation;
        }
    }

    /** Whether a package install or uninstall is running in the session. */
    record Install(boolean inProgress) implements UploadRequest {
        @Override
        public String toString() {
            return inProgress ? "install in progress" : "install finished";
        }
    }
}
