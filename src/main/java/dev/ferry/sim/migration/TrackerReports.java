package dev.ferry.sim.migration;

import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.UploadOutcome;
import dev.ferry.sim.session.SimulatedSession;
import dev.ferry.time.Clock;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What each session's tracker tells the control plane, through the control plane's own rules ({@link ControlPlane}),
 * brought up to date before each scheduler pass (the only instants anything reads it):
 * <ul>
 *   <li>its latest durable checkpoint, as the checkpoint file's text: uploaded when its generation is not the one
 *   uploaded last. Checkpoints written and superseded between two passes are not uploaded one by one: the control
 *   plane keeps only the newest anyway, so what the scheduler reads is the same, at a fraction of the cost;</li>
 *   <li>whether an install is in progress (a command of the user's runs), when that changes;</li>
 *   <li>that its checkpoint is still current (its container runs, nothing unflushed, no command): the same text sent
 *   again, which the control plane takes as a confirmation as of now. Sent once the user's activity since the
 *   stored checkpoint has ended (while the user is active a confirmation is out of date at the next pass), and
 *   only while the control plane's checkpoint time is older than that activity: the barrier needs no more;</li>
 *   <li>the generation a new container restored, when it restored one.</li>
 * </ul>
 * The user's activity reaches the control plane from {@link ActivityFeed}, as the tracker's activity report.
 */
final class TrackerReports {

    private final List<SimulatedSession> sessions;
    private final SessionIds ids;
    private final ControlPlane plane;
    private final Clock clock;
    private final ActivityFeed activity;
    /**
     * Per session: the generation uploaded last (-1: none), its text's UTF-8 bytes (encoded once, sent again as they
     * are for each confirmation), and the checkpoint time the plane holds.
     */
    private final long[] uploaded;
    private final byte[][] texts;
    private final long[] heldAs;
    private final boolean[] installing;
    /**
     * Per session: whether its checkpoint or its install flag may have changed since the last pass (the session says
     * so), so that a pass asks only those sessions; all of them at the first.
     */
    private final boolean[] news;

    TrackerReports(List<SimulatedSession> sessions, SessionIds ids, ControlPlane plane, Clock clock,
            ActivityFeed activity) {
        this.sessions = sessions;
        this.ids = ids;
        this.plane = plane;
        this.clock = clock;
        this.activity = activity;
        int n = sessions.size();
        uploaded = new long[n];
        Arrays.fill(uploaded, -1);
        texts = new byte[n][];
        heldAs = new long[n];
        installing = new boolean[n];
        news = new boolean[n];
        Arrays.fill(news, true);
        for (int i = 0; i < n; i++) {
            int session = i;
            sessions.get(i).onReportable(() -> news[session] = true);
        }
    }

    /** Every tracker's news since the last pass. */
    void report() {
        long now = clock.epochMillis();
        for (int i = 0; i < sessions.size(); i++) {
            if (news[i]) {
                news[i] = false;
                SimulatedSession s = sessions.get(i);
                Optional<Checkpoint> latest = s.latestCheckpoint();
                if (latest.isPresent() && latest.get().generation() != uploaded[i]) {
                    Checkpoint c = latest.get();
                    texts[i] = CheckpointFormat.encode(c).getBytes(StandardCharsets.UTF_8);
                    send(i, texts[i]);
                    uploaded[i] = c.generation();
                    heldAs[i] = c.writtenAtEpochMillis();
                }
                boolean install = s.installInProgress();
                if (install != installing[i]) {
                    AnsweredAtOnce.answer(plane.install(ids.id(i), install), "an install report");
                    installing[i] = install;
                }
            }
            long active = activity.lastTold(i);
            if (texts[i] != null && heldAs[i] < active && active < now && sessions.get(i).checkpointCurrent()) {
                send(i, texts[i]);
                heldAs[i] = now;
            }
        }
    }

    /** Session {@code i}'s new container restored checkpoint {@code generation} (-1: none, or it failed). */
    void restored(int i, long generation) {
        if (generation >= 0) {
            AnsweredAtOnce.answer(plane.restored(ids.id(i), generation), "a restore report");
        } else {
            AnsweredAtOnce.answer(plane.forgetRestored(ids.id(i)), "a failed restore");
        }
    }

    private void send(int i, byte[] text) {
        UploadOutcome outcome = AnsweredAtOnce.answer(plane.upload(ids.id(i), text), "an upload");
        if (!outcome.accepted()) {
            throw new IllegalStateException("the control plane refused session " + ids.id(i) + "'s checkpoint: "
                    + outcome);
        }
    }
}
