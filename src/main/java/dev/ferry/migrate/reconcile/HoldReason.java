package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.Refusal;
import dev.ferry.migrate.SourceState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a session whose source runs and that has no migration in flight did not start migrating in a pass: the first
 * thing that held it back, in the order the reconciler checks them (paused, the cluster view, the source, the user's
 * idleness, the checkpoint barrier, capacity, the migration window, the disruption budgets). {@link #code()} names
 * the kind for machines, {@link #describe()} says it for operators.
 */
public sealed interface HoldReason {

    /** A stable lower-case name of the kind, e.g. {@code not-idle}. */
    String code();

    /** One sentence for operators. */
    String describe();

    /** An operator paused the migration ({@link MigrationControl}). */
    record Paused() implements HoldReason {
        public String code() {
            return "paused";
        }

        public String describe() {
            return "the migration is paused";
        }
    }

    /** Some cluster could not be read, so the session's Job may be there unseen. */
    record ClustersUnreachable(Set<String> clusters) implements HoldReason {
        public ClustersUnreachable {
            clusters = java.util.Collections.unmodifiableSet(new TreeSet<>(clusters));
        }

        public String code() {
            return "clusters-unreachable";
        }

        public String describe() {
            return "clusters " + String.join(", ", clusters) + " could not be read; its Job may be there";
        }
    }

    /** The session is not running on the source (starting, being stopped or preempted, or ended and restarting). */
    record SourceNotRunning(SourceState state) implements HoldReason {
        public SourceNotRunning {
            Objects.requireNonNull(state, "state");
        }

        public String code() {
            return "source-not-running";
        }

        public String describe() {
            return "its source session is " + state.name().toLowerCase(java.util.Locale.ROOT) + ", not running";
        }
    }

    /**
     * Its user stopped it on the source (no migration record in sight, so the scheduler did not): it is not started
     * anywhere, on the source or on Kubernetes, until its user starts it again.
     *
     * @param stateName the source's own name of its state, e.g. Peloton's {@code KILLED}
     */
    record StoppedOnSource(String stateName) implements HoldReason {
        public StoppedOnSource {
            Objects.requireNonNull(stateName, "stateName");
        }

        public String code() {
            return "stopped-on-source";
        }

        public String describe() {
            return "its user stopped it on the source (" + stateName + "); it stays stopped until they start it";
        }
    }

    /**
     * Its Job on {@code cluster} holds a migration record the scheduler cannot act on safely (unreadable, or at odds
     * with what it observes in a way it cannot settle): nothing of the session is touched until an operator looks.
     *
     * @param problems what is wrong, one sentence each
     */
    record NeedsOperator(String cluster, List<String> problems) implements HoldReason {
        public NeedsOperator {
            Objects.requireNonNull(cluster, "cluster");
            problems = List.copyOf(problems);
        }

        public String code() {
            return "needs-operator";
        }

        public String describe() {
            return "its Job on " + cluster + " needs an operator: " + String.join("; ", problems);
        }
    }

    /** The pod of a Job deleted earlier (a finished migration's or a duplicate's) is still going away. */
    record PreviousPodGoingAway(String cluster) implements HoldReason {
        public PreviousPodGoingAway {
            Objects.requireNonNull(cluster, "cluster");
        }

        public String code() {
            return "previous-pod-going-away";
        }

        public String describe() {
            return "a pod of an earlier Job on " + cluster + " is still going away";
        }
    }

    /** A rolled-back migration waits before it is tried again. */
    record RetryBackoff(long untilEpochMillis) implements HoldReason {
        public String code() {
            return "retry-backoff";
        }

        public String describe() {
            return "its last migration rolled back; retried from " + Instant.ofEpochMilli(untilEpochMillis);
        }
    }

    /** The user is not idle yet (and the deadline has not come). */
    record NotIdle(long lastActivityEpochMillis, long idleFromEpochMillis) implements HoldReason {
        public String code() {
            return "not-idle";
        }

        public String describe() {
            return "its user was active at " + Instant.ofEpochMilli(lastActivityEpochMillis) + "; idle from "
                    + Instant.ofEpochMilli(idleFromEpochMillis);
        }
    }

    /** Why the checkpoint barrier holds. */
    enum Barrier {
        /** its tracker never reported a checkpoint */
        NO_CHECKPOINT,
        /** a package install or uninstall is running */
        INSTALL_IN_PROGRESS,
        /** the latest checkpoint was written before the user's last activity */
        CHECKPOINT_OLDER_THAN_ACTIVITY
    }

    /**
     * The checkpoint barrier holds: the session would lose what changed since its checkpoint.
     *
     * @param checkpointEpochMillis when its latest checkpoint was written, if it has one
     * @param lastActivityEpochMillis its user's last activity, if any
     */
    record CheckpointBarrier(Barrier why, OptionalLong checkpointEpochMillis, OptionalLong lastActivityEpochMillis)
            implements HoldReason {
        public CheckpointBarrier {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(checkpointEpochMillis, "checkpointEpochMillis");
            Objects.requireNonNull(lastActivityEpochMillis, "lastActivityEpochMillis");
        }

        public String code() {
            return "checkpoint-barrier";
        }

        public String describe() {
            return switch (why) {
                case NO_CHECKPOINT -> "no checkpoint reported by its tracker";
                case INSTALL_IN_PROGRESS -> "a package install is in progress";
                case CHECKPOINT_OLDER_THAN_ACTIVITY -> "its checkpoint (" + at(checkpointEpochMillis)
                        + ") is older than its user's last activity (" + at(lastActivityEpochMillis) + ")";
            };
        }

        private static String at(OptionalLong epochMillis) {
            return epochMillis.isPresent() ? Instant.ofEpochMilli(epochMillis.getAsLong()).toString() : "never";
        }
    }

    /**
     * No cluster the session may go to has room for it now.
     *
     * @param clusters           the clusters it was placed against (GPU sessions see only GPU nodes), by name
     * @param fitsAnEmptyCluster false when it is larger than any of them even empty: worth an operator's look
     */
    record NoCapacity(List<String> clusters, String reason, boolean fitsAnEmptyCluster) implements HoldReason {
        public NoCapacity {
            clusters = List.copyOf(clusters);
            Objects.requireNonNull(reason, "reason");
        }

        public String code() {
            return "no-capacity";
        }

        public String describe() {
            return reason;
        }
    }

    /** No migration window is open now. */
    record OutsideWindow(long opensAtEpochMillis) implements HoldReason {
        public String code() {
            return "outside-window";
        }

        public String describe() {
            return opensAtEpochMillis == MigrationWindow.NEVER
                    ? "outside the migration windows; none opens within " + MigrationWindow.HORIZON_DAYS + " days"
                    : "outside the migration windows; the next opens at " + Instant.ofEpochMilli(opensAtEpochMillis);
        }
    }

    /**
     * A disruption budget is used up.
     *
     * @param budget which: {@code OWNER}, {@code GLOBAL}, {@code CLUSTER}, {@code TEAM} or {@code ALREADY_MIGRATING}
     * @param scope  what it is counted over: {@code global}, the cluster, the team, the owner or the session
     * @param reason the budgets' sentence, with the limit
     */
    record BudgetReached(Refusal.Cause budget, String scope, String reason) implements HoldReason {
        public BudgetReached {
            Objects.requireNonNull(budget, "budget");
            if (budget == Refusal.Cause.WINDOW) {
                throw new IllegalArgumentException("a closed window is an OutsideWindow hold, not a budget");
            }
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(reason, "reason");
        }

        /** The hold for a refusal by the budgets. */
        public static HoldReason of(Refusal refusal, long nextWindowEpochMillis) {
            return switch (refusal.cause()) {
                case WINDOW -> new OutsideWindow(nextWindowEpochMillis);
                case ALREADY_MIGRATING -> new BudgetReached(refusal.cause(), refusal.candidate().sessionId(),
                        refusal.reason());
                case OWNER -> new BudgetReached(refusal.cause(), refusal.candidate().owner(), refusal.reason());
                case GLOBAL -> new BudgetReached(refusal.cause(), "global", refusal.reason());
                case CLUSTER -> new BudgetReached(refusal.cause(), refusal.candidate().cluster(), refusal.reason());
                case TEAM -> new BudgetReached(refusal.cause(), refusal.candidate().team(), refusal.reason());
            };
        }

        public String code() {
            return "budget-reached";
        }

        public String describe() {
            return reason;
        }
    }
}
