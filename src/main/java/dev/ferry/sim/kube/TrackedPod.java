package dev.ferry.sim.kube;

import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.time.Timer;

/** A pod the fake kubelet manages: its Job, its request, where it runs and what is pending for it. */
final class TrackedPod {
    final String name;
    final String jobName;
    final String jobUid;
    final String sessionId;
    final Resources request;
    SimulatedNode node;
    boolean reserved;
    PodPhase phase;
    Timer.Scheduled start;
    boolean startDue;
    boolean failedWriteDue;

    TrackedPod(String name, String jobName, String jobUid, String sessionId, Resources request) {
        this.name = name;
        this.jobName = jobName;
        this.jobUid = jobUid;
        this.sessionId = sessionId;
        this.request = request;
    }
}
