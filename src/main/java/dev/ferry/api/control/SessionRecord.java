package dev.ferry.api.control;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the control plane knows of one session, without its checkpoint's text (kept by the store apart, so that a
 * hundred thousand sessions fit in memory).
 *
 * @param id                    the session id, see {@link SessionId}
 * @param generation            the stored checkpoint's generation; 0 when none was uploaded
 * @param writtenAtEpochMillis  when the tracker wrote that checkpoint (its {@code written} line), epoch ms; 0 if none
 * @param checkpointSha256      the SHA-256 of the stored checkpoint's whole text, hex; empty if none
 * @param confirmedAtEpochMillis when the tracker last re-sent that very checkpoint, saying it is still current; 0 if never
 * @param installInProgress     whether the tracker reports a package install or uninstall running
 * @param lastActivityEpochMillis when the user was last active, epoch ms; {@link Long#MIN_VALUE} if never reported
 * @param restoredGeneration    the generation the session's newest container restored; -1 if none reported
 */
public record SessionRecord(String id, long generation, long writtenAtEpochMillis, String checkpointSha256,
        long confirmedAtEpochMillis, boolean installInProgress, long lastActivityEpochMillis,
        long restoredGeneration) {

    static final long NO_ACTIVITY = Long.MIN_VALUE;
    static final long NONE_RESTORED = -1;

    public SessionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkpointSha256, "checkpointSha256");
        if (generation < 0) {
            throw new IllegalArgumentException("generation must be 0 or more, found " + generation);
        }
    }

    /** A session heard of for the first time: nothing reported yet. */
    public static SessionRecord empty(String id) {
        return new SessionRecord(id, 0, 0, "", 0, false, NO_ACTIVITY, NONE_RESTORED);
    }

    public boolean hasCheckpoint() {
        return generation > 0;
    }

    public OptionalLong lastActivity() {
        return lastActivityEpochMillis == NO_ACTIVITY ? OptionalLong.empty() : OptionalLong.of(lastActivityEpochMillis);
    }

    public OptionalLong restored() {
        return restoredGeneration < 0 ? OptionalLong.empty() : OptionalLong.of(restoredGeneration);
    }

    SessionRecord withCheckpoint(long newGeneration, long writtenAt, String sha256) {
        return new SessionRecord(id, newGeneration, writtenAt, sha256, 0, installInProgress, lastActivityEpochMillis,
                restoredGeneration);
    }

    SessionRecord withConfirmed(long at) {
        return new SessionRecord(id, generation, writtenAtEpochMillis, checkpointSha256, at, installInProgress,
                lastActivityEpochMillis, restoredGeneration);
    }

    SessionRecord withInstall(boolean running) {
        return new SessionRecord(id, generation, writtenAtEpochMillis, checkpointSha256, confirmedAtEpochMillis,
                running, lastActivityEpochMillis, restoredGeneration);
    }

    SessionRecord withActivity(long at) {
        return new SessionRecord(id, generation, writtenAtEpochMillis, checkpointSha256, confirmedAtEpochMillis,
                installInProgress, at, restoredGeneration);
    }

    SessionRecord withRestored(long restored) {
        return new SessionRecord(id, generation, writtenAtEpochMillis, checkpointSha256, confirmedAtEpochMillis,
                installInProgress, lastActivityEpochMillis, restored);
    }
}
