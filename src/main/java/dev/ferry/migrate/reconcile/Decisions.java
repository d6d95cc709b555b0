package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionMove;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The plan being built during one decide: actions in order, the earliest wake-up asked for, who is held back; and,
 * for the placement and budgets later in the same pass, what recoveries ({@link Replacement}) admitted and where
 * they reserved room.
 */
final class Decisions {

    private final List<Action> actions = new ArrayList<>();
    private final TreeMap<String, HoldReason> held = new TreeMap<>();
    private final List<SessionMove> admitted = new ArrayList<>();
    private final List<Reservation> reserved = new ArrayList<>();

    /** Room a Job created in this pass takes on {@code cluster}. */
    record Reservation(String cluster, Resources request) {
    }
    private final long nowMillis;
    private long wakeup;

    Decisions(long nowMillis, long latestWakeup) {
        this.nowMillis = nowMillis;
        this.wakeup = latestWakeup;
    }

    long now() {
        return nowMillis;
    }

    void act(Action action) {
        actions.add(action);
    }

    /** Look again no later than {@code atMillis} (never earlier than now). */
    void wakeBy(long atMillis) {
        wakeup = Math.min(wakeup, Math.max(atMillis, nowMillis));
    }

    /** {@code sessionId} does not start migrating in this pass, for {@code why} (the first reason given stands). */
    void hold(String sessionId, HoldReason why) {
        held.putIfAbsent(sessionId, why);
    }

    /** The number of actions so far, to {@link #dropActionsFrom} should a session's decision fail half-way. */
    int actionCount() {
        return actions.size();
    }

    /** Forgets the actions from index {@code mark} on. */
    void dropActionsFrom(int mark) {
        actions.subList(mark, actions.size()).clear();
    }

    /** A recovery admitted by the budgets in this pass: it counts in flight for the candidates after it. */
    void admitted(SessionMove move, Resources reserved) {
        admitted.add(move);
        reserved(move.cluster(), reserved);
    }

    /** Room taken on {@code cluster} by a Job created in this pass. */
    void reserved(String cluster, Resources request) {
        reserved.add(new Reservation(cluster, request));
    }

    List<SessionMove> admittedRecoveries() {
        return List.copyOf(admitted);
    }

    List<Reservation> reservations() {
        return List.copyOf(reserved);
    }

    Plan plan() {
        return new Plan(actions, wakeup, held);
    }
}
