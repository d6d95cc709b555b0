package dev.ferry.migrate;

/** Why a candidate may not start now: the first rule it breaks, and a sentence for operators. */
public record Refusal(SessionMove candidate, Cause cause, String reason) {

    /** The rules, in the order {@link Budgets#admit} checks them. */
    public enum Cause {
        /** no migration window is open now */
        WINDOW,
        /** the session is already migrating, or was admitted earlier in this round */
        ALREADY_MIGRATING,
        /** its owner already has a session migrating */
        OWNER,
        /** the global limit is reached */
        GLOBAL,
        /** the target cluster's limit is reached */
        CLUSTER,
        /** the team's share is reached, or the snapshot does not count the team's sessions */
        TEAM
    }

    public Refusal {
        Checks.present(candidate, "candidate");
        Checks.present(cause, "cause");
        Checks.name(reason, "reason");
    }
}
