package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.Admission;
import dev.ferry.migrate.BudgetSnapshot;
import dev.ferry.migrate.Budgets;
import dev.ferry.migrate.SessionMove;
import dev.ferry.migrate.ClusterRoom;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.Placement;
import dev.ferry.migrate.PlacementPlan;
import dev.ferry.migrate.Refusal;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionRequest;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.TargetCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which sessions start migrating now. A session is a candidate when its source runs, it has no Job anywhere, and
 * its user has been idle for the policy's threshold (or never active), or the deadline has passed. Users who are
 * not idle get a notice during the notice period before the deadline. A candidate passes the checkpoint barrier
 * when no install is in progress and, unless the deadline forces it, its latest checkpoint is no older than the
 * user's last activity. Those are placed in order (deadline-forced first, then longest idle, then id) over the
 * capacity left by the Jobs already on each cluster, GPU sessions on GPU nodes only and the others never there;
 * a session that fits nowhere waits. The placed ones are then
 * admitted by the disruption budgets, counting every session whose Job is in a non-terminal state as in flight.
 * While the migration is paused nothing is placed or admitted (notices still go out: the deadline stands). Each
 * session that does not start is held for the first of these that stopped it.
 */
final class Candidates {

    private Candidates() {
    }

    private record Eligible(SessionObservation session, SourceSession source, SessionSpec spec, boolean forced,
            long lastActivity) {
    }

    static void start(Observation snapshot, List<SessionObservation> idleSessions, MigrationPolicy policy,
            boolean paused, Decisions out) {
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
                out.hold(s.sessionId(), paused ? new HoldReason.Paused()
                        : new HoldReason.NotIdle(last.getAsLong(), idleAt));
                continue;
            }
            if (paused) {
                // no wake-up of its own: whoever resumes runs a pass (MigrationControl)
                out.hold(s.sessionId(), new HoldReason.Paused());
                continue;
            }
            Optional<HoldReason> barrier = barrier(s, forced);
            if (barrier.isPresent()) {
                out.hold(s.sessionId(), barrier.get());
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
        List<PlacementPlan.Assignment> assignments = place(snapshot, requests, out);
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
        Admission admission = Budgets.admit(policy.budget(), budgetSnapshot(snapshot, out.admittedRecoveries()),
                placed, now);
        if (!admission.refused().isEmpty()) {
            long window = policy.budget().nextWindow(now);
            out.wakeBy(policy.budget().inWindow(now) || window == MigrationWindow.NEVER
                    ? now + policy.pollMillis() : window);
            for (Refusal r : admission.refused()) {
                out.hold(r.candidate().sessionId(), HoldReason.BudgetReached.of(r, window));
            }
        }
        for (SessionMove c : admission.admitted()) {
            Eligible e = byId.get(c.sessionId());
            long generation = e.session().checkpoint().orElseThrow().generation();
            out.act(new Action.CreateSuspendedJob(c.cluster(), e.spec().withCheckpointGeneration(generation), now));
            out.act(new Action.StopSource(c.sessionId(), e.source().jobId()));
            out.wakeBy(now + policy.pollMillis());
        }
    }

    /**
     * Why the checkpoint barrier holds, if it does: no checkpoint, an install running, or (unless forced) a
     * checkpoint older than the last activity.
     */
    static Optional<HoldReason> barrier(SessionObservation s, boolean forced) {
        Optional<CheckpointStatus> c = s.checkpoint();
        OptionalLong written = c.map(st -> OptionalLong.of(st.generationEpochMillis())).orElse(OptionalLong.empty());
        HoldReason.Barrier why;
        if (c.isEmpty()) {
            why = HoldReason.Barrier.NO_CHECKPOINT;
        } else if (c.get().installInProgress()) {
            why = HoldReason.Barrier.INSTALL_IN_PROGRESS;
        } else if (!forced && s.lastActivity().isPresent()
                && c.get().generationEpochMillis() < s.lastActivity().getAsLong()) {
            why = HoldReason.Barrier.CHECKPOINT_OLDER_THAN_ACTIVITY;
        } else {
            return Optional.empty();
        }
        return Optional.of(new HoldReason.CheckpointBarrier(why, written, s.lastActivity()));
    }

    /**
     * Places {@code requests} in order. Sessions that ask for GPUs see only the GPU nodes of a cluster that sets
     * them apart, the others only the rest: two placements over disjoint capacity. The assignments come back in
     * request order (the budgets admit in that order); those that fit nowhere are left out.
     */
    static List<PlacementPlan.Assignment> place(Observation snapshot, List<SessionRequest> requests,
            Decisions out) {
        List<SessionRequest> gpu = requests.stream().filter(r -> r.resources().gpus() > 0).toList();
        List<SessionRequest> general = requests.stream().filter(r -> r.resources().gpus() == 0).toList();
        Map<String, String> where = new HashMap<>();
        placeSide(rooms(snapshot, true, out.reservations()), gpu, where, out);
        placeSide(rooms(snapshot, false, out.reservations()), general, where, out);
        List<PlacementPlan.Assignment> inOrder = new ArrayList<>();
        for (SessionRequest r : requests) {
            if (where.containsKey(r.sessionId())) {
                inOrder.add(new PlacementPlan.Assignment(r, where.get(r.sessionId())));
            }
        }
        return inOrder;
    }

    /** Places one side's requests, noting where each went, and holds those that fit nowhere. */
    private static void placeSide(List<ClusterRoom> clusters, List<SessionRequest> requests,
            Map<String, String> where, Decisions out) {
        if (requests.isEmpty()) {
            return;
        }
        PlacementPlan plan = Placement.placeAll(clusters, requests);
        plan.placed().forEach(a -> where.put(a.request().sessionId(), a.cluster()));
        List<String> names = clusters.stream().map(ClusterRoom::name).toList();
        for (PlacementPlan.Queued q : plan.waiting()) {
            out.hold(q.request().sessionId(),
                    new HoldReason.NoCapacity(names, q.why().reason(), q.why().fitsAnEmptyCluster()));
        }
    }

    /**
     * The room on each cluster in this pass: what it offers sessions that ask for GPUs ({@code forGpuSessions}) or
     * not, less what those sessions' Jobs reserve there (a suspended Job that has ended its migration reserves
     * nothing). A cluster that does not set its GPU nodes apart offers everything to both.
     */
    static List<ClusterRoom> rooms(Observation snapshot, boolean forGpuSessions) {
        return rooms(snapshot, forGpuSessions, List.of());
    }

    /** The same, less the room Jobs created earlier in this pass take ({@code reservations}). */
    static List<ClusterRoom> rooms(Observation snapshot, boolean forGpuSessions,
            List<Decisions.Reservation> reservations) {
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
        for (Decisions.Reservation r : reservations) {
            if (!setApart.getOrDefault(r.cluster(), false) || (r.request().gpus() > 0) == forGpuSessions) {
                used.merge(r.cluster(), r.request(), Resources::plus);
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
        return budgetSnapshot(snapshot, List.of());
    }

    /**
     * The same, with the recoveries admitted earlier in this pass ({@code recoveries}) in flight where they go now
     * instead of where the snapshot saw them.
     */
    static BudgetSnapshot budgetSnapshot(Observation snapshot, List<SessionMove> recoveries) {
        if (recoveries.isEmpty()) {
            return budgetSnapshot(snapshot, Set.of());
        }
        Set<String> moved = new HashSet<>();
        recoveries.forEach(m -> moved.add(m.sessionId()));
        BudgetSnapshot without = budgetSnapshot(snapshot, moved);
        List<SessionMove> inFlight = new ArrayList<>(without.inFlight());
        inFlight.addAll(recoveries);
        return new BudgetSnapshot(inFlight, without.teamSessions());
    }

    /** In flight, leaving out the sessions in {@code leaveOut}. */
    static BudgetSnapshot budgetSnapshot(Observation snapshot, Set<String> leaveOut) {
        List<SessionMove> inFlight = new ArrayList<>();
        Map<String, Integer> teams = new HashMap<>();
        for (SessionObservation s : snapshot.sessions()) {
            teams.merge(s.team(), 1, Integer::sum);
            List<TargetJob> live = s.liveTargets();
            if (!live.isEmpty()) {
                TargetJob kept = Repair.keep(live);
                if (kept.state().map(st -> !st.terminal()).orElse(false) && !leaveOut.contains(s.sessionId())) {
                    inFlight.add(new SessionMove(s.sessionId(), s.owner(), s.team(), kept.cluster()));
                }
            }
        }
        return new BudgetSnapshot(inFlight, teams);
    }
}
