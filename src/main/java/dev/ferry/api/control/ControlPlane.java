package dev.ferry.api.control;

import dev.ferry.migrate.reconcile.CheckpointSignals;
import dev.ferry.migrate.reconcile.CheckpointStatus;
import dev.ferry.migrate.reconcile.HoldReason;
import dev.ferry.migrate.reconcile.MigrationControl;
import dev.ferry.migrate.reconcile.MigrationOverview;
import dev.ferry.migrate.reconcile.MigrationStatusSink;
import dev.ferry.time.Clock;
import dev.ferry.tracker.checkpoint.CheckpointException;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import dev.ferry.tracker.checkpoint.CheckpointText;
import dev.ferry.tracker.checkpoint.VerifiedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The control plane's rules. A checkpoint upload is the checkpoint file's text exactly as the tracker writes it; it is
 * read with the tracker's own {@link CheckpointFormat} (so its checksum is verified) and kept only when its
 * generation is newer than the stored one. Activity only ever moves forward and may not lie more than
 * {@link #MAX_ACTIVITY_AHEAD_MILLIS} ahead of the clock, as JupyterHub rules. What the scheduler's checkpoint barrier
 * reads is {@link #status} and {@link #lastActivity}; the pause it honours is {@link #paused}, kept by the store; the
 * overview it publishes after each pass is kept in memory (the next pass publishes a new one). Safe to call from many threads: each session's read-decide-write is done under a lock of
 * its own stripe, so two uploads for one session never both win.
 */
public final class ControlPlane implements CheckpointSignals, MigrationControl, MigrationStatusSink {

    /** 59 minutes, JupyterHub's limit for a {@code last_activity} in the future. */
    public static final long MAX_ACTIVITY_AHEAD_MILLIS = 59 * 60_000L;

    private static final int STRIPES = 256;

    private final SessionStore store;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];
    private volatile MigrationOverview overview;

    public ControlPlane(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Takes one checkpoint upload for {@code sessionId}, see {@link UploadOutcome}. */
    public UploadOutcome upload(String sessionId, String text) {
        requireValid(sessionId);
        // a UTF-8 character is at most 3 bytes: only a text that may be too large is encoded to find out
        if (text.length() > CheckpointText.MAX_BYTES / 3) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > CheckpointText.MAX_BYTES) {
                return new UploadOutcome.TooLarge(bytes, CheckpointText.MAX_BYTES);
            }
        }
        VerifiedCheckpoint checkpoint;
        try {
            checkpoint = CheckpointFormat.verify(text, "the upload for session " + sessionId);
        } catch (CheckpointException e) {
            return new UploadOutcome.Damaged(e.getMessage());
        }
        String sha256 = checkpoint.textSha256();
        synchronized (stripe(sessionId)) {
            SessionRecord stored = store.find(sessionId).orElse(SessionRecord.empty(sessionId));
            long offered = checkpoint.generation();
            if (stored.hasCheckpoint() && offered == stored.generation() && sha256.equals(stored.checkpointSha256())) {
                store.save(stored.withConfirmed(clock.epochMillis()), null);
                return new UploadOutcome.Confirmed(offered);
            }
            if (offered <= stored.generation()) {
                return new UploadOutcome.NotNewer(stored.generation(), offered);
            }
            store.save(stored.withCheckpoint(offered, checkpoint.writtenAtEpochMillis(), sha256), text);
            return stored.hasCheckpoint() ? new UploadOutcome.Replaced(offered, stored.generation())
                    : new UploadOutcome.Created(offered);
        }
    }

    /** Records that the session's user was active at {@code epochMillis}; an earlier time never moves it back. */
    public ActivityOutcome activity(String sessionId, long epochMillis) {
        requireValid(sessionId);
        long latest = clock.epochMillis() + MAX_ACTIVITY_AHEAD_MILLIS;
        if (epochMillis > latest) {
            return new ActivityOutcome.TooFarAhead(epochMillis, latest);
        }
        synchronized (stripe(sessionId)) {
            SessionRecord stored = store.find(sessionId).orElse(SessionRecord.empty(sessionId));
            if (stored.lastActivity().isPresent() && stored.lastActivityEpochMillis() >= epochMillis) {
                return new ActivityOutcome.Recorded(stored.lastActivityEpochMillis());
            }
            store.save(stored.withActivity(epochMillis), null);
            return new ActivityOutcome.Recorded(epochMillis);
        }
    }

    /** Records whether a package install or uninstall is running in the session now. */
    public void install(String sessionId, boolean inProgress) {
        update(sessionId, r -> r.installInProgress() == inProgress ? r : r.withInstall(inProgress));
    }

    /** Records the generation the session's newest container restored. */
    public void restored(String sessionId, long generation) {
        if (generation < 0) {
            throw new IllegalArgumentException("a restored generation is 0 or more, found " + generation
                    + " (a failed restore or a container gone down is forgotten, not a generation)");
        }
        update(sessionId, r -> r.restoredGeneration() == generation ? r : r.withRestored(generation));
    }

    /**
     * Records that the session's newest container has restored no checkpoint: it went down, or its restore failed.
     * A generation an earlier container restored must not pass for the next one's.
     */
    public void forgetRestored(String sessionId) {
        update(sessionId, r -> r.restored().isEmpty() ? r : r.withRestored(SessionRecord.NONE_RESTORED));
    }

    /** What is known of the session; empty if nothing was ever reported for it. */
    public Optional<SessionRecord> session(String sessionId) {
        requireValid(sessionId);
        return store.find(sessionId);
    }

    /** The stored checkpoint's text, exactly as uploaded. */
    public Optional<String> checkpointText(String sessionId) {
        requireValid(sessionId);
        return store.checkpointText(sessionId);
    }

    /** When the session's user was last active, epoch ms, as the scheduler reads it; empty if never reported. */
    @Override
    public OptionalLong lastActivity(String sessionId) {
        return store.find(sessionId).map(SessionRecord::lastActivity).orElse(OptionalLong.empty());
    }

    /**
     * What the barrier reads: empty until a checkpoint was stored. The checkpoint counts as of when it was written,
     * or as of its last confirmation when the tracker re-sent it since.
     */
    @Override
    public Optional<CheckpointStatus> status(String sessionId) {
        return store.find(sessionId).filter(SessionRecord::hasCheckpoint)
                .map(r -> new CheckpointStatus(r.generation(),
                        Math.max(r.writtenAtEpochMillis(), r.confirmedAtEpochMillis()), r.installInProgress(),
                        r.restored()));
    }

    public int sessions() {
        return store.size();
    }

    @Override
    public boolean paused() {
        return store.paused();
    }

    /** Pauses ({@code true}) or resumes the migration; the store keeps it across restarts. */
    public void setPaused(boolean paused) {
        synchronized (stripes) {
            if (store.paused() != paused) {
                store.setPaused(paused);
            }
        }
    }

    /** Keeps the scheduler's latest overview for operators. */
    @Override
    public void publish(MigrationOverview latest) {
        overview = java.util.Objects.requireNonNull(latest, "overview");
    }

    /** The overview of the scheduler's latest full pass; empty until it has published one. */
    public Optional<MigrationOverview> overview() {
        return Optional.ofNullable(overview);
    }

    /** Why the scheduler's latest full pass held the session back; empty if it did not (or has not run). */
    public Optional<HoldReason> heldBecause(String sessionId) {
        MigrationOverview latest = overview;
        return latest == null ? Optional.empty() : Optional.ofNullable(latest.held().get(sessionId));
    }

    private void update(String sessionId, java.util.function.UnaryOperator<SessionRecord> change) {
        requireValid(sessionId);
        synchronized (stripe(sessionId)) {
            Optional<SessionRecord> stored = store.find(sessionId);
            SessionRecord before = stored.orElse(SessionRecord.empty(sessionId));
            SessionRecord after = change.apply(before);
            if (after != before || stored.isEmpty()) {
                store.save(after, null);
            }
        }
    }

    private Object stripe(String sessionId) {
        return stripes[Math.floorMod(sessionId.hashCode(), STRIPES)];
    }

    private static void requireValid(String sessionId) {
        if (!SessionId.valid(sessionId)) {
            throw new IllegalArgumentException(SessionId.rule());
        }
    }
}
