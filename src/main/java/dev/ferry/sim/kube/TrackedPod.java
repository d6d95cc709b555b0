package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.Capacity;
import dev.ferry.migrate.PodPhase;
import dev.ferry.time.Timer;

/** A pod the fake kubelet manages: its Job, its request, where it runs and what is pending for it. */
final class TrackedPod {
    final String name;
    final String jobName;
    final String jobUid;
    final String sessionId;
    final Capacity request;
    SimulatedNode node;
    boolean reserved;
    PodPhase phase;
    Timer.Scheduled start;
    boolean startDue;
    boolean failedWriteDue;

    TrackedPod(String name, String jobName, String jobUid, String sessionId, Capacity request) {
        this.name = name;
        this.jobName = jobName;
        this.jobUid = jobUid;
        this.sessionId = sessionId;
        this.request = request;
    }
}
