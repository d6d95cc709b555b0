package dev.ferry.migrate.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's decisions, as a pure function: the same observation, policy and time always give the same
 * {@link Plan}. Level-triggered: it reads where each session stands from the clusters and asks for the next step,
 * so it may be run any number of times, by any process, after any crash. Per session, in this order:
 * <ol>
 *   <li>repair: live Jobs on several clusters → keep the most advanced, delete the others (and stop there);</li>
 *   <li>a live Job whose record cannot be followed as it stands → repair it or report it ({@link RecordRepair});</li>
 *   <li>a live Job whose instance was lost after DONE, cannot be placed, or whose record says FAILED → a recovery
 *   ({@link Replacement}, decided for all of them once every session was seen);</li>
 *   <li>a live Job → the next step of its migration ({@link Progress});</li>
 *   <li>no live Job, the source task ended on request → its user stopped it: it stays stopped
 *   ({@link HoldReason.StoppedOnSource});</li>
 *   <li>no live Job, the source task ended otherwise and no pod left anywhere → start the source (it runs
 *   nowhere);</li>
 *   <li>no live Job, the source RUNNING → a candidate ({@link Candidates}).</li>
 * </ol>
 * While a cluster cannot be read, a session without a Job in sight may have one there, so steps 3 and 4 wait: no
 * source is started and no migration begins until every cluster answers (budgets count the Jobs there too), unless
 * the session's lease says its instance there has stopped ({@link Takeover}).
 * API errors and conflicts are not its business: the executor stops and the next pass reads again. A session whose
 * observation it cannot decide (a case nobody foresaw) is held for an operator and the pass goes on for the others.
 *
 * <p>While the migration is paused nothing new starts (steps 1 to 3 go on, so migrations in flight finish or roll
 * back as usual). Each session that could have started and did not is held for a {@link HoldReason} in the plan.
 */
public final class Reconciler {

    private Reconciler() {
    }

    /** A pass of a migration that is not paused. */
    public static Plan decide(Observation snapshot, MigrationPolicy policy, long nowMillis) {
        return decide(snapshot, policy, false, nowMillis);
    }

    public static Plan decide(Observation snapshot, MigrationPolicy policy, boolean paused, long nowMillis) {
        long latest = nowMillis > Long.MAX_VALUE - policy.maxSleepMillis() ? Long.MAX_VALUE
                : nowMillis + policy.maxSleepMillis();
        Decisions out = new Decisions(nowMillis, latest);
        List<SessionObservation> idle = new ArrayList<>();
        Replacement replacement = new Replacement();
        for (SessionObservation s : snapshot.sessions()) {
            int mark = out.actionCount();
            try {
                step(snapshot, s, policy, replacement, idle, out);
            } catch (RuntimeException e) {
                // a record or observation this code did not foresee: that session is reported, the others go on
                out.dropActionsFrom(mark);
                idle.remove(s);
                out.hold(s.sessionId(), new HoldReason.NeedsOperator(s.targets().isEmpty() ? "the source"
                        : s.targets().get(0).cluster(), List.of("its observation could not be decided: " + e)));
            }
        }
        replacement.decide(snapshot, policy, out);
        Candidates.start(snapshot, idle, policy, paused, out);
        return out.plan();
    }

    private static void step(Observation snapshot, SessionObservation s, MigrationPolicy policy,
            Replacement replacement, List<SessionObservation> idle, Decisions out) {
        long nowMillis = out.now();
        if (Repair.dropDuplicates(s, out)) {
            out.wakeBy(nowMillis + policy.pollMillis());
            return;
        }
        List<TargetJob> live = s.liveTargets();
        if (!live.isEmpty()) {
            if (RecordRepair.repair(s, live.get(0), out)) {
                out.wakeBy(nowMillis + policy.pollMillis());
            } else if (!replacement.take(s, live.get(0), policy, nowMillis)) {
                Progress.step(s, live.get(0), policy, out);
            }
        } else if (!snapshot.complete()) {
            // its Job may be out of sight: on a cluster that did not answer (look again soon), or done and left
            // out of a pass between full ones (the scheduler runs the next full pass in time)
            if (!snapshot.unreachable().isEmpty()) {
                out.wakeBy(nowMillis + policy.pollMillis());
                if (s.source().filter(j -> j.state().isEnded()).isPresent()
                        && Takeover.mayStartSource(s, policy, nowMillis)) {
                    Progress.startSource(s, out); // its lease ran out: wherever it ran, it has stopped
                    out.hold(s.sessionId(), new HoldReason.SourceNotRunning(s.source().get().state()));
                } else if (s.source().filter(j -> j.state().isRunning()).isPresent()) {
                    out.hold(s.sessionId(), new HoldReason.ClustersUnreachable(snapshot.unreachable()));
                }
            }
        } else if (s.source().isEmpty()) {
            return;
        } else if (s.targets().stream().anyMatch(TargetJob::podAlive)) {
            out.wakeBy(nowMillis + policy.pollMillis()); // a deleted Job's pod is still going away
            out.hold(s.sessionId(), new HoldReason.PreviousPodGoingAway(
                    s.targets().stream().filter(TargetJob::podAlive).findFirst().orElseThrow().cluster()));
        } else if (s.source().get().stopRequested()) {
            // ended on request with no record in sight: the scheduler did not ask, its user did
            out.hold(s.sessionId(), new HoldReason.StoppedOnSource(s.source().get().stateName()));
        } else if (s.source().get().state().isEnded()) {
            Progress.startSource(s, out);
            out.wakeBy(nowMillis + policy.pollMillis());
            out.hold(s.sessionId(), new HoldReason.SourceNotRunning(s.source().get().state()));
        } else if (s.source().get().state().isRunning()) {
            idle.add(s);
        } else {
            out.wakeBy(nowMillis + policy.pollMillis()); // starting or being stopped: look again soon
            out.hold(s.sessionId(), new HoldReason.SourceNotRunning(s.source().get().state()));
        }
    }
}
