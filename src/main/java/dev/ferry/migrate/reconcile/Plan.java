package dev.ferry.migrate.reconcile;

import java.util.List;

/**
 * What one reconcile decided: the actions in the order to apply them, and when to look again (epoch ms).
 */
public record Plan(List<Action> actions, long nextWakeupMillis) {

    public Plan {
        actions = List.copyOf(actions);
    }
}
