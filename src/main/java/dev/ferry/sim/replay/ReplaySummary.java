package dev.ferry.sim.replay;

/**
 * How the tracker did on one trace.
 *
 * @param operations         steps of the trace scored (one command, or several in parallel), each closed by a state marker
 * @param stateChangingSteps steps whose installed set differs from the one before
 * @param stateChanging      pip commands that changed the installed set (parallel commands count apart)
 * @param checkpoints        checkpoints written after the tracker's first
 * @param amplification      checkpoints per state-changing operation
 * @param quiescentPoints    state markers, each a moment when no command runs
 * @param exactAtQuiescence  share of quiescent points where the latest checkpoint equals the truth
 * @param captured           state-changing steps whose result a checkpoint captured before the next began
 * @param latencyP50Ms       from an operation's last file event to the checkpoint that captures it
 * @param latencyP99Ms       as above, 99th percentile
 * @param latencyMaxMs       as above, worst; infinite when an operation was never captured
 * @param fileEvents         events in the trace
 * @param eventsSeen         events the tracker's watcher would have reported
 * @param stepsAfterCrash    steps from the first command that crashed inside pip on, not scored
 */
public record ReplaySummary(int operations, int stateChangingSteps, int stateChanging, int checkpoints, double amplification,
                            int quiescentPoints, double exactAtQuiescence, int captured,
                            double latencyP50Ms, double latencyP99Ms, double latencyMaxMs,
                            long fileEvents, long eventsSeen, int stepsAfterCrash) {

    /** The targets of the tracker issue: exact, at most 1.3 checkpoints per operation, p50 150 ms, max 500 ms. */
    public boolean meetsTargets() {
        return exactAtQuiescence == 1.0 && captured == stateChangingSteps && amplification <= 1.3
                && latencyP50Ms <= 150 && latencyMaxMs <= 500;
    }
}
