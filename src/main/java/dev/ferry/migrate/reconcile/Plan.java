package dev.ferry.migrate.reconcile;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one reconcile decided: the actions in the order to apply them, when to look again (epoch ms), and why each
 * session that could have started migrating did not, by session id.
 */
public record Plan(List<Action> actions, long nextWakeupMillis, SortedMap<String, HoldReason> held) {

    public Plan {
        actions = List.copyOf(actions);
        held = Collections.unmodifiableSortedMap(new TreeMap<>(held));
    }

    /** A plan that holds nobody back. */
    public Plan(List<Action> actions, long nextWakeupMillis) {
        this(actions, nextWakeupMillis, new TreeMap<>(Map.of()));
    }
}
