package dev.ferry.migrate.reconcile;

import java.util.OptionalLong;

/**
 * What the package tracker of one session last reported.
 *
 * @param generation            the latest durable checkpoint generation, 0 or more
 * @param generationEpochMillis when that checkpoint was written, epoch ms
 * @param installInProgress     whether a package install or uninstall is running now
 * @param restoredGeneration    the generation the session's newest container restored, if it has restored any
 */
public record CheckpointStatus(long generation, long generationEpochMillis, boolean installInProgress,
        OptionalLong restoredGeneration) {

    public CheckpointStatus {
        if (generation < 0) {
            throw new IllegalArgumentException("checkpoint generation must be 0 or more, found " + generation);
        }
        if (restoredGeneration == null) {
            throw new IllegalArgumentException("restoredGeneration must be given (OptionalLong.empty() for none)");
        }
    }
}
