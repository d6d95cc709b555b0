package dev.ferry.sim.peloton;

import dev.ferry.cluster.peloton.Resources;
import dev.ferry.cluster.peloton.SessionJob;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.cluster.peloton.TaskStatus;
import dev.ferry.time.Timer;
import java.util.Objects;

/** One Peloton job of the fake and its single task: what it is, where its task stands, and its pending step. */
final class PelotonTask {
    final String id;
    final String owner;
    final String owningTeam;
    final String zone;
    final Resources resources;
    TaskState state = TaskState.RUNNING;
    TaskState desired = TaskState.RUNNING;
    long runId = 1;
    String reason = "";
    Timer.Scheduled pending;
    boolean hasActivity;
    long lastActivity;

    PelotonTask(String id, String owner, String owningTeam, String zone, Resources resources) {
        this.id = Objects.requireNonNull(id, "jobId");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.owningTeam = Objects.requireNonNull(owningTeam, "owningTeam");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    SessionJob view() {
        return new SessionJob(id, owner, owningTeam, zone, resources,
                new TaskStatus(state, desired, runId, reason));
    }
}
