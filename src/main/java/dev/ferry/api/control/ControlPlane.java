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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * The control plane's rules. A checkpoint upload is the checkpoint file's text exactly as the tracker writes it; it is
 * read with the tracker's own {@link CheckpointFormat} (so its checksum is verified) and kept only when its
 * generation is newer than the stored one. Activity only ever moves forward and may not lie more than
 * {@link #MAX_ACTIVITY_AHEAD_MILLIS} ahead of the clock, as JupyterHub rules. What the scheduler's checkpoint barrier
 * reads is {@link #status} and {@link #lastActivity}, from durable records only; the pause it honours is
 * {@link #paused}, kept by the store; the overview it publishes after each pass is kept in memory (the next pass
 * publishes a new one).
 *
 * <p>Nothing here waits for the disk: each change returns a stage that completes with its answer once the change is
 * durable ({@link SessionWrites} decides each session's changes one at a time against its newest record and keeps
 * their order). Safe to call from many threads; two uploads for one session never both win.
 */
public final class ControlPlane implements CheckpointSignals, MigrationControl, MigrationStatusSink {

    /** 59 minutes, JupyterHub's limit for a {@code last_activity} in the future. */
    public static final long MAX_ACTIVITY_AHEAD_MILLIS = 59 * 60_000L;

    private final SessionStore store;
    private final SessionWrites writes;
    private final Clock clock;
    private final Object pauseLock = new Object();
    private CompletionStage<Void> pauseWritten = CompletableFuture.completedStage(null);
    private Boolean pauseDecided;
    private volatile MigrationOverview overview;

    public ControlPlane(SessionStore store, Clock clock) {
        this.store = store;
        this.writes = new SessionWrites(store);
        this.clock = clock;
    }

    /** Takes one checkpoint upload for {@code sessionId}, see {@link UploadOutcome}; answered once durable. */
    public CompletionStage<UploadOutcome> upload(String sessionId, String text) {
        requireValid(sessionId);
        return upload(sessionId, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #upload(String, String)} of the text's UTF-8 bytes as they came (an HTTP body): checked over the bytes
     * and stored as they are, never decoded to a String and encoded back. The caller must not change them after. The
     * very text stored, sent again, is told by its hash and confirmed without being checked again.
     */
    public CompletionStage<UploadOutcome> upload(String sessionId, byte[] utf8) {
        requireValid(sessionId);
        if (utf8.length > CheckpointText.MAX_BYTES) {
            return CompletableFuture.completedStage(new UploadOutcome.TooLarge(utf8.length, CheckpointText.MAX_BYTES));
        }
        String sha256 = CheckpointFormat.textSha256(utf8);
        return writes.write(sessionId, newest -> {
            SessionRecord stored = newest.orElse(SessionRecord.empty(sessionId));
            if (stored.hasCheckpoint() && sha256.equals(stored.checkpointSha256())) {
                // the very text stored, sent again (a tracker's confirmation, the most frequent upload): it was
                // checked when it was stored, so it is not parsed again
                return SessionWrites.Decision.save(new UploadOutcome.Confirmed(stored.generation()),
                        stored.withConfirmed(clock.epochMillis()), null);
            }
            VerifiedCheckpoint checkpoint;
            try {
                checkpoint = CheckpointFormat.verify(utf8, "the upload for session " + sessionId);
            } catch (CheckpointException e) {
                return SessionWrites.Decision.answer(new UploadOutcome.Damaged(e.getMessage()));
            }
            long offered = checkpoint.generation();
            if (offered <= stored.generation()) {
                return SessionWrites.Decision.answer(new UploadOutcome.NotNewer(stored.generation(), offered));
            }
            UploadOutcome outcome = stored.hasCheckpoint() ? new UploadOutcome.Replaced(offered, stored.generation())
                    : new UploadOutcome.Created(offered);
            return SessionWrites.Decision.save(outcome,
                    stored.withCheckpoint(offered, checkpoint.writtenAtEpochMillis(), sha256), utf8);
        });
    }

    /** Records that the session's user was active at {@code epochMillis}; an earlier time never moves it back. */
    public CompletionStage<ActivityOutcome> activity(String sessionId, long epochMillis) {
        requireValid(sessionId);
        long latest = clock.epochMillis() + MAX_ACTIVITY_AHEAD_MILLIS;
        if (epochMillis > latest) {
            return CompletableFuture.completedStage(new ActivityOutcome.TooFarAhead(epochMillis, latest));
        }
        return writes.write(sessionId, newest -> {
            SessionRecord stored = newest.orElse(SessionRecord.empty(sessionId));
            if (stored.lastActivity().isPresent() && stored.lastActivityEpochMillis() >= epochMillis) {
                return SessionWrites.Decision.answer(new ActivityOutcome.Recorded(stored.lastActivityEpochMillis()));
            }
            return SessionWrites.Decision.save(new ActivityOutcome.Recorded(epochMillis),
                    stored.withActivity(epochMillis), null);
        });
    }

    /** Records whether a package install or uninstall is running in the session now. */
    public CompletionStage<Void> install(String sessionId, boolean inProgress) {
        return update(sessionId, r -> r.installInProgress() == inProgress ? r : r.withInstall(inProgress));
    }

    /** Records the generation the session's newest container restored. */
    public CompletionStage<Void> restored(String sessionId, long generation) {
        if (generation < 0) {
            throw new IllegalArgumentException("a restored generation is 0 or more, found " + generation
                    + " (a failed restore or a container gone down is forgotten, not a generation)");
        }
        return update(sessionId, r -> r.restoredGeneration() == generation ? r : r.withRestored(generation));
    }

    /**
     * Records that the session's newest container has restored no checkpoint: it went down, or its restore failed.
     * A generation an earlier container restored must not pass for the next one's.
     */
    public CompletionStage<Void> forgetRestored(String sessionId) {
        return update(sessionId, r -> r.restored().isEmpty() ? r : r.withRestored(SessionRecord.NONE_RESTORED));
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

    /**
     * Pauses ({@code true}) or resumes the migration; the store keeps it across restarts. Answered once durable, after
     * every pause or resume asked before it.
     */
    public CompletionStage<Void> setPaused(boolean paused) {
        synchronized (pauseLock) {
            if (pauseWritten.toCompletableFuture().isCompletedExceptionally()) {
                // a failed write decided nothing: the store's setting counts again
                pauseWritten = CompletableFuture.completedStage(null);
                pauseDecided = null;
            }
            boolean current = pauseDecided != null ? pauseDecided : store.paused();
            if (current != paused) {
                pauseDecided = paused;
                pauseWritten = pauseWritten.thenCompose(v -> store.setPaused(paused));
            }
            return pauseWritten;
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

    private CompletionStage<Void> update(String sessionId, UnaryOperator<SessionRecord> change) {
        requireValid(sessionId);
        return writes.write(sessionId, newest -> {
            SessionRecord before = newest.orElse(SessionRecord.empty(sessionId));
            SessionRecord after = change.apply(before);
            return after != before || newest.isEmpty() ? SessionWrites.Decision.<Void>save(null, after, null)
                    : SessionWrites.Decision.<Void>answer(null);
        });
    }

    private static void requireValid(String sessionId) {
        if (!SessionId.valid(sessionId)) {
            throw new IllegalArgumentException(SessionId.rule());
        }
    }
}
