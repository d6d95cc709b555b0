package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.Admission;
import dev.ferry.migrate.Budgets;
import dev.ferry.migrate.ClusterRoom;
import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Placement;
import dev.ferry.migrate.PlacementDecision;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionMove;
import dev.ferry.migrate.SessionRequest;
import dev.ferry.migrate.SessionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions whose Kubernetes instance was lost or cannot start, moved to where they can run; one instance per pass
 * ({@link #take} notes them while the reconciler goes through the sessions, {@link #decide} acts on them all before
 * new candidates are placed, so those see the room and budget the recoveries took):
 * <ul>
 *   <li><b>a pod that failed after DONE</b> (its node lost; the Job makes no other): the session is recreated, DONE,
 *   on another cluster with room, placed as {@link Placement} places any session and restoring its latest checkpoint;
 *   the migrated session's user is disrupted already and no budget would make that better, so it never counts in
 *   flight. With no room elsewhere it rolls back to the source (ROLLING_BACK, then the ordinary way back), admitted
 *   by {@link Budgets#admit} since a rollback is in flight;</li>
 *   <li><b>a FAILED record</b> (a rollback whose source had gone away) with its source listed again: the rollback
 *   resumes through {@link Budgets#admit}, or, when the source runs already, ROLLED_BACK is recorded; while the source
 *   lists it not, it is held for an operator. Its restore was never verified, so the source, where it last ran, is
 *   where it goes rather than a new Kubernetes Job;</li>
 *   <li><b>a STARTING pod Unschedulable</b> on its cluster ({@link TargetJob#unschedulable()}, for
 *   {@link #UNSCHEDULABLE_GRACE_MILLIS} since the migration's start): the session is re-placed on another cluster
 *   with room, admitted by {@link Budgets#admit} there, with a new start; the old Job is deleted after the new one is
 *   created (a crash between leaves two, and {@link Repair} keeps the new one). With no room or budget elsewhere it
 *   waits for its pod or the start timeout as before.</li>
 * </ul>
 * Recoveries keep the budgets' limits but not their windows: the session is down now, and waiting for a window would
 * only make its disruption longer. Placement needs every Job read, so these wait for a full pass; clusters that
 * could not be read are not placed on.
 */
final class Replacement {

    /** How long a pod may be Unschedulable after the migration's start before the session is placed elsewhere. */
    static final long UNSCHEDULABLE_GRACE_MILLIS = 2 * 60_000L;

    private enum Kind { AFTER_DONE, FAILED_RECORD, UNSCHEDULABLE }

    private record Wanted(SessionObservation session, TargetJob job, MigrationRecord record, Kind kind) {
    }

    private final List<Wanted> wanted = new ArrayList<>();

    /** Whether {@code job}, the session's kept Job, is a recovery's; if so {@link #decide} takes care of it. */
    boolean take(SessionObservation s, TargetJob job, MigrationPolicy policy, long nowMillis) {
        Optional<MigrationRecord> parsed = job.record();
        if (parsed.isEmpty() || s.source().isEmpty() || s.spec().isEmpty()) {
            return false;
        }
        MigrationRecord m = parsed.get();
        boolean sourceEnded = s.source().get().state().isEnded();
        Kind kind = null;
        if (m.state() == MigrationState.DONE && sourceEnded && job.pod().filter(PodPhase.FAILED::equals).isPresent()) {
            kind = Kind.AFTER_DONE;
        } else if (m.state() == MigrationState.FAILED) {
            kind = Kind.FAILED_RECORD;
        } else if (m.state() == MigrationState.STARTING && sourceEnded && !job.suspended() && job.unschedulable()
                && job.pod().filter(PodPhase.PENDING::equals).isPresent()
                && nowMillis >= m.startedEpochMillis() + UNSCHEDULABLE_GRACE_MILLIS
                && nowMillis < Progress.startDeadline(m, policy)) {
            kind = Kind.UNSCHEDULABLE;
        }
        if (kind == null) {
            return false;
        }
        wanted.add(new Wanted(s, job, m, kind));
        return true;
    }

    /** Decides every recovery {@link #take} noted, in session order. */
    void decide(Observation snapshot, MigrationPolicy policy, Decisions out) {
        if (wanted.isEmpty()) {
            return;
        }
        long now = out.now();
        out.wakeBy(now + policy.pollMillis());
        Map<Boolean, List<ClusterRoom>> rooms = new HashMap<>();
        rooms.put(true, reachable(snapshot, Candidates.rooms(snapshot, true)));
        rooms.put(false, reachable(snapshot, Candidates.rooms(snapshot, false)));
        List<SessionMove> toAdmit = new ArrayList<>();
        Map<String, Wanted> byId = new HashMap<>();
        Map<String, String> movingTo = new HashMap<>();
        for (Wanted w : wanted) {
            SessionObservation s = w.session();
            if (w.kind() == Kind.FAILED_RECORD) {
                failedRecord(w, toAdmit, byId, out);
                continue;
            }
            if (!snapshot.everyJob()) {
                if (w.kind() == Kind.UNSCHEDULABLE) {
                    Progress.step(s, w.job(), policy, out);
                }
                continue; // placement needs every Job: the next full pass
            }
            Resources need = w.job().request();
            Optional<String> elsewhere = placeElsewhere(rooms.get(need.gpus() > 0), s, w.job());
            if (w.kind() == Kind.AFTER_DONE && elsewhere.isPresent()) {
                long generation = Math.max(w.record().checkpointGeneration(),
                        s.checkpoint().map(CheckpointStatus::generation).orElse(0L));
                take(rooms.get(need.gpus() > 0), elsewhere.get(), need);
                out.reserved(elsewhere.get(), need);
                recreate(s, w.job(), elsewhere.get(), new MigrationRecord(generation, MigrationState.DONE, now), out);
            } else if (w.kind() == Kind.AFTER_DONE) {
                toAdmit.add(move(s, w.job().cluster()));
                byId.put(s.sessionId(), w);
            } else if (elsewhere.isPresent()) {
                take(rooms.get(need.gpus() > 0), elsewhere.get(), need);
                toAdmit.add(move(s, elsewhere.get()));
                byId.put(s.sessionId(), w);
                movingTo.put(s.sessionId(), elsewhere.get());
            } else {
                Progress.step(s, w.job(), policy, out); // nowhere else to go: wait for its pod or the start timeout
            }
        }
        if (toAdmit.isEmpty()) {
            return;
        }
        Admission admission = Budgets.admit(withoutWindows(policy.budget()),
                Candidates.budgetSnapshot(snapshot, new HashSet<>(byId.keySet())), toAdmit, now);
        for (SessionMove admitted : admission.admitted()) {
            Wanted w = byId.get(admitted.sessionId());
            out.admitted(admitted, movingTo.containsKey(admitted.sessionId()) ? w.job().request() : Resources.NONE);
            if (w.kind() == Kind.UNSCHEDULABLE) {
                recreate(w.session(), w.job(), admitted.cluster(), new MigrationRecord(
                        w.record().checkpointGeneration(), MigrationState.STARTING, now), out);
            } else {
                out.act(new Action.SuspendJob(admitted.sessionId(), w.job().cluster(),
                        w.record().withState(MigrationState.ROLLING_BACK), w.job().resourceVersion()));
            }
        }
        for (var refused : admission.refused()) {
            Wanted w = byId.get(refused.candidate().sessionId());
            if (w.kind() == Kind.UNSCHEDULABLE) {
                Progress.step(w.session(), w.job(), policy, out); // no budget there now: wait as before
            }
        }
    }

    /** A FAILED record: ROLLED_BACK if the source runs, a rollback to admit if it has ended, held if it is gone. */
    private static void failedRecord(Wanted w, List<SessionMove> toAdmit, Map<String, Wanted> byId, Decisions out) {
        SessionObservation s = w.session();
        var state = s.source().orElseThrow().state();
        if (state.isRunning()) {
            out.act(new Action.PatchState(s.sessionId(), w.job().cluster(),
                    w.record().withState(MigrationState.ROLLED_BACK), w.job().resourceVersion()));
        } else if (state.isEnded()) {
            toAdmit.add(move(s, w.job().cluster()));
            byId.put(s.sessionId(), w);
        }
        // starting or being stopped on the source: look again at the next pass
    }

    /** The same session's Job on {@code cluster} with {@code record}, then the old one deleted. */
    private static void recreate(SessionObservation s, TargetJob old, String cluster, MigrationRecord record,
            Decisions out) {
        SessionSpec spec = s.spec().orElseThrow().withCheckpointGeneration(record.checkpointGeneration());
        out.act(new Action.CreateJob(cluster, spec, record));
        out.act(new Action.DeleteJob(s.sessionId(), old.cluster()));
    }

    /** Where {@link Placement} puts the session among the clusters other than its Job's, if it fits anywhere. */
    private static Optional<String> placeElsewhere(List<ClusterRoom> rooms, SessionObservation s, TargetJob job) {
        List<ClusterRoom> others = rooms.stream().filter(r -> !r.name().equals(job.cluster())).toList();
        PlacementDecision d = Placement.place(others, new SessionRequest(s.sessionId(), job.request(),
                s.source().map(src -> src.zone())));
        return d instanceof PlacementDecision.Placed p ? Optional.of(p.cluster()) : Optional.empty();
    }

    private static void take(List<ClusterRoom> rooms, String cluster, Resources need) {
        rooms.replaceAll(r -> r.name().equals(cluster) ? r.take(need) : r);
    }

    private static List<ClusterRoom> reachable(Observation snapshot, List<ClusterRoom> rooms) {
        return new ArrayList<>(rooms.stream().filter(r -> !snapshot.unreachable().contains(r.name())).toList());
    }

    private static SessionMove move(SessionObservation s, String cluster) {
        return new SessionMove(s.sessionId(), s.owner(), s.team(), cluster);
    }

    private static DisruptionBudget withoutWindows(DisruptionBudget b) {
        return new DisruptionBudget(b.maxConcurrent(), b.maxPerCluster(), b.clusterLimits(), b.maxTeamShare(),
                List.of());
    }
}
