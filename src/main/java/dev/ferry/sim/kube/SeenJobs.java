package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.migrate.MigrationState;
import dev.ferry.time.Clock;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Ferry's Jobs as the fake kubelet last saw them, as a real kubelet's watch cache: what a sync listed (every Job
 * once {@link FakeKubelet#FULL_SYNC_NANOS} passed since the last full list, else only those whose migration is not
 * done), plus what it read one by one since. Pod starts between syncs act on these.
 */
final class SeenJobs {

    private final KubeletApi api;
    private final Clock clock;
    private Map<String, Job> seen = Map.of();
    private Map<String, Job> beforeLastList = Map.of();
    private long lastFullList = Long.MIN_VALUE / 2;
    private boolean lastListFull;

    SeenJobs(KubeletApi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Lists the Jobs, by name, and remembers them; throws {@link KubernetesClientException} and remembers nothing if
     * the API refuses.
     */
    Map<String, Job> list() {
        boolean full = clock.nanos() - lastFullList >= FakeKubelet.FULL_SYNC_NANOS;
        Map<String, Job> jobs = new TreeMap<>();
        for (Job j : api.listJobs(full)) {
            jobs.put(j.getMetadata().getName(), j);
        }
        beforeLastList = seen;
        lastListFull = full;
        if (full) {
            lastFullList = clock.nanos();
            seen = new HashMap<>(jobs);
        } else {
            seen = new HashMap<>(seen);
            seen.putAll(jobs);
        }
        return jobs;
    }

    /** The next {@link #list()} lists every Job. */
    void listEveryJobNext() {
        lastFullList = Long.MIN_VALUE / 2;
    }

    /** Whether the last {@link #list()} listed every Job. */
    boolean lastListFull() {
        return lastListFull;
    }

    /** Whether Job {@code name} was seen migrated (done) before the last {@link #list()}. */
    boolean wasDone(String name) {
        Job before = beforeLastList.get(name);
        return before != null && isDone(before);
    }

    /**
     * Reads Job {@code name} (null if there is none) and remembers it if there is; throws
     * {@link KubernetesClientException} if the API refuses.
     */
    Job read(String name) {
        Job job = api.readJob(name);
        if (job != null) {
            seen.put(name, job);
        }
        return job;
    }

    /** Job {@code name} as last seen, or null. */
    Job get(String name) {
        return seen.get(name);
    }

    private static boolean isDone(Job job) {
        Map<String, String> labels = job.getMetadata().getLabels();
        return labels != null && MigrationState.DONE.wireName().equals(labels.get(SessionJobs.MIGRATION_STATE));
    }
}
