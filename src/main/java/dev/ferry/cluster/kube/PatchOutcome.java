package dev.ferry.cluster.kube;

import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** What an optimistic-concurrency patch of a session Job's annotations came to. */
public sealed interface PatchOutcome permits PatchOutcome.Patched, PatchOutcome.Conflict, PatchOutcome.NotFound {

    /** The patch applied; {@code job} is the updated Job with its new resourceVersion. */
    record Patched(Job job) implements PatchOutcome {
    }

    /**
     * The Job changed since {@code staleResourceVersion} was read (HTTP 409): nothing was written. Requeue:
     * read the Job again and decide again from what it says now.
     */
    record Conflict(String sessionId, String staleResourceVersion, String message) implements PatchOutcome {
    }

    /** There is no Job for the session (HTTP 404): nothing was written. */
    record NotFound(String sessionId) implements PatchOutcome {
    }
}
