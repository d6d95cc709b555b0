package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.Admission;
import dev.ferry.migrate.BudgetSnapshot;
import dev.ferry.migrate.Budgets;
import dev.ferry.migrate.SessionMove;
import dev.ferry.migrate.ClusterRoom;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.Placement;
import dev.ferry.migrate.PlacementPlan;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionRequest;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.TargetCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which sessions start migrating now. A session is a candidate when its source runs, it has no Job anywhere, and
 * its user has been idle for the policy's threshold (or never active), or the deadline has passed. Users who are
 * not idle get a notice during the notice period before the deadline. A candidate passes the checkpoint barrier
 * when no install is in progress and, unless the deadline forces it, its latest checkpoint is no older than the
 * user's last activity. Those are placed in order (deadline-forced first, then longest idle, then id) over the
 * capacity left by the Jobs already on each cluster, GPU sessions on GPU nodes only and the others never there;
 * a session that fits nowhere waits. The placed ones are then
 * admitted by the disruption budgets, counting every session whose Job is in a non-terminal state as in flight.
 */
final class Candidates {

    private Candidates() {
    }

    private record Eligible(SessionObservation session, SourceSession source, SessionSpec spec, boolean forced,
            long lastActivity) {
    }

    static void start(Observation snapshot, List<SessionObservation> idleSessions, MigrationPolicy policy,
            Decisions out) {
        long now = out.now();
        List<Eligible> eligible = new ArrayList<>();
        for (SessionObservation s : idleSessions) {
            SourceSession source = s.source().orElseThrow();
            if (s.spec().isEmpty()) {
                continue;
            }
            OptionalLong last = s.lastActivity();
            boolean forced = now >= policy.deadlineEpochMillis();
            long idleAt = last.isPresent() ? last.getAsLong() + policy.idleThresholdMillis() : Long.MIN_VALUE;
            boolean idle = now >= idleAt;
            if (!idle && !forced) {
                if (now >= policy.noticeFromMillis()) {
                    out.act(new Action.NotifyUser(s.sessionId(), source.owner(), policy.deadlineEpochMillis()));
                    out.wakeBy(Math.min(idleAt, policy.deadlineEpochMillis()));
                } else {
                    out.wakeBy(Math.min(idleAt, policy.noticeFromMillis()));
                }
                continue;
            }
            if (!barrierPassed(s, forced)) {
                out.wakeBy(now + policy.pollMillis());
                continue;
            }
            eligible.add(new Eligible(s, source, s.spec().get(), forced, last.orElse(Long.MIN_VALUE)));
        }
        if (eligible.isEmpty()) {
            return;
        }
        eligible.sort(Comparator.comparing((Eligible e) -> !e.forced())
                .thenComparingLong(Eligible::lastActivity)
                .thenComparing(e -> e.session().sessionId()));

        List<SessionRequest> requests = eligible.stream()
                .map(e -> new SessionRequest(e.session().sessionId(), e.spec().resources(),
                        e.source().zone()))
                .toList();
        List<PlacementPlan.Assignment> assignments = place(snapshot, requests);
        if (assignments.size() < requests.size()) {
            out.wakeBy(now + policy.pollMillis());
        }
        Map<String, Eligible> byId = new HashMap<>();
        eligible.forEach(e -> byId.put(e.session().sessionId(), e));
        List<SessionMove> placed = assignments.stream()
                .map(a -> {
                    Eligible e = byId.get(a.request().sessionId());
                    return new SessionMove(e.session().sessionId(), e.session().owner(), e.session().team(),
                            a.cluster());
                })
                .toList();
        Admission admission = Budgets.admit(policy.budget(), budgetSnapshot(snapshot), placed, now);
        if (!admission.refused().isEmpty()) {
            long window = policy.budget().nextWindow(now);
            out.wakeBy(policy.budget().inWindow(now) || window == MigrationWindow.NEVER
                    ? now + policy.pollMillis() : window);
        }
        for (SessionMove c : admission.admitted()) {
            Eligible e = byId.get(c.sessionId());
            long generation = e.session().checkpoint().orElseThrow().generation();
            out.act(new Action.CreateSuspendedJob(c.cluster(), e.spec().withCheckpointGeneration(generation), now));
            out.act(new Action.StopSource(c.sessionId(), e.source().jobId()));
            out.wakeBy(now + policy.pollMillis());
        }
    }

    /** A checkpoint exists, no install runs, and (unless forced) it is no older than the last activity. */
    static boolean barrierPassed(SessionObservation s, boolean forced) {
        if (s.checkpoint().isEmpty() || s.checkpoint().get().installInProgress()) {
            return false;
        }
        return forced || s.lastActivity().isEmpty()
                || s.checkpoint().get().generationEpochMillis() >= s.lastActivity().getAsLong();
    }

    /**
     * Places {@code requests} in order. Sessions that ask for GPUs see only the GPU nodes of a cluster that sets
     * them apart, the others only the rest: two placements over disjoint capacity. The assignments come back in
     * request order (the budgets admit in that order); those that fit nowhere are left out.
     */
    static List<PlacementPlan.Assignment> place(Observation snapshot, List<SessionRequest> requests) {
        List<SessionRequest> gpu = requests.stream().filter(r -> r.resources().gpus() > 0).toList();
        List<SessionRequest> general = requests.stream().filter(r -> r.resources().gpus() == 0).toList();
        Map<String, String> where = new HashMap<>();
        for (PlacementPlan.Assignment a : Placement.placeAll(rooms(snapshot, true), gpu).placed()) {
            where.put(a.request().sessionId(), a.cluster());
        }
        for (PlacementPlan.Assignment a : Placement.placeAll(rooms(snapshot, false), general).placed()) {
            where.put(a.request().sessionId(), a.cluster());
        }
        List<PlacementPlan.Assignment> inOrder = new ArrayList<>();
        for (SessionRequest r : requests) {
            if (where.containsKey(r.sessionId())) {
                inOrder.add(new PlacementPlan.Assignment(r, where.get(r.sessionId())));
            }
        }
        return inOrder;
    }

    /**
     * The room on each cluster in this pass: what it offers sessions that ask for GPUs ({@code forGpuSessions}) or
     * not, less what those sessions' Jobs reserve there (a suspended Job that has ended its migration reserves
     * nothing). A cluster that does not set its GPU nodes apart offers everything to both.
     */
    static List<ClusterRoom> rooms(Observation snapshot, boolean forGpuSessions) {
        Map<String, Boolean> setApart = new HashMap<>();
        snapshot.clusters().forEach(c -> setApart.put(c.name(), c.hasGpuNodes()));
        Map<String, Resources> used = new HashMap<>();
        for (SessionObservation s : snapshot.sessions()) {
            for (TargetJob j : s.targets()) {
                boolean parked = j.suspended() && j.pod().isEmpty()
                        && j.state().map(st -> st.terminal()).orElse(false);
                boolean sameSide = !setApart.getOrDefault(j.cluster(), false)
                        || (j.request().gpus() > 0) == forGpuSessions;
                if (!parked && sameSide) {
                    used.merge(j.cluster(), j.request(), Resources::plus);
                }
            }
        }
        List<ClusterRoom> rooms = new ArrayList<>();
        for (TargetCluster c : snapshot.clusters()) {
            Resources all = !c.hasGpuNodes() ? c.allocatable() : forGpuSessions ? c.gpuNodes() : c.generalNodes();
            Resources free = all.minusAtMost(used.getOrDefault(c.name(), Resources.NONE));
            rooms.add(new ClusterRoom(c.name(), c.zone(), all, free));
        }
        return rooms;
    }

    /** In flight: sessions whose kept Job's state is readable and not terminal. */
    static BudgetSnapshot budgetSnapshot(Observation snapshot) {
        List<SessionMove> inFlight = new ArrayList<>();
        Map<String, Integer> teams = new HashMap<>();
        for (SessionObservation s : snapshot.sessions()) {
            teams.merge(s.team(), 1, Integer::sum);
            List<TargetJob> live = s.liveTargets();
            if (!live.isEmpty()) {
                TargetJob kept = Repair.keep(live);
                if (kept.state().map(st -> !st.terminal()).orElse(false)) {
                    inFlight.add(new SessionMove(s.sessionId(), s.owner(), s.team(), kept.cluster()));
                }
            }
        }
        return new BudgetSnapshot(inFlight, teams);
    }
}
