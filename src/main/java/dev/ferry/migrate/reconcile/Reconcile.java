package dev.ferry.migrate.reconcile;

import java.util.Optional;

/**
 * One reconcile pass: the plan it made (empty if observing failed), what applying it came to, and when to run the
 * next pass (epoch ms).
 */
public record Reconcile(Optional<Plan> plan, Optional<Execution> execution, Optional<String> error,
        long nextWakeupMillis) {
}
