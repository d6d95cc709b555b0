package dev.ferry.migrate.reconcile;

import java.util.ArrayList;
import java.util.List;

/** The plan being built during one decide: actions in order and the earliest wake-up asked for. */
final class Decisions {

    private final List<Action> actions = new ArrayList<>();
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

    Plan plan() {
        return new Plan(actions, wakeup);
    }
}
