package dev.ferry.migrate.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The plan being built during one decide: actions in order, the earliest wake-up asked for, who is held back. */
final class Decisions {

    private final List<Action> actions = new ArrayList<>();
    private final TreeMap<String, HoldReason> held = new TreeMap<>();
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

    Plan plan() {
        return new Plan(actions, wakeup, held);
    }
}
