package dev.ferry.cluster.peloton;

import java.util.Objects;

/**
 * A session as Peloton holds it: a stateless job with one instance (instance 0). {@code owner} and
 * {@code owningTeam} are the job spec's {@code owner} and {@code owning_team}; {@code zone} is the
 * zone of the Peloton cluster that runs it (Peloton clusters are zonal).
 */
public record SessionJob(String jobId, String owner, String owningTeam, String zone, Resources resources,
        TaskStatus task) {

    public SessionJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(owningTeam, "owningTeam");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(task, "task");
    }

    /** The task's current state; shorthand for {@code task().state()}. */
    public TaskState state() {
        return task.state();
    }

    /**
     * The id of the task's current run, in Peloton's {@code <job id>-<instance id>-<run id>} form
     * (the Mesos task id that {@code CreateMesosTaskID} builds), so one run is told from the next.
     */
    public String podId() {
        return jobId + "-0-" + task.runId();
    }
}
