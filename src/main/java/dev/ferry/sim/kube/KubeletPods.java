package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pods the fake kubelet made and their way through the phases: created Pending (bound to a node or
 * unschedulable), placed when room appears, started after a sampled latency, failed when their node is lost,
 * deleted when their Job no longer wants them. Each change is written through the API, reserves or frees node
 * capacity, updates the Job's status and is told to the listeners. A refused call is reported to {@code refused}
 * and left for the next sync; {@link FakeKubelet} decides when each step runs.
 */
final class KubeletPods {

    private final String cluster;
    private final Clock clock;
    private final Timer timer;
    private final StartLatency startLatency;
    private final KubeletApi api;
    private final JobStatusWriter jobStatuses;
    private final SeenJobs seenJobs;
    private final ClusterNodes nodes;
    private final Runnable refused;
    private final Map<String, TrackedPod> pods = new LinkedHashMap<>();
    private final List<FakeKubelet.PodListener> listeners = new ArrayList<>();
    private long failuresWrittenOnRetry;
    private long podSequence;
    private long podsCreated;
    private long podsStarted;
    private long unschedulableAttempts;
    private long failedByNodeLoss;
    private long podsDeleted;

    KubeletPods(String cluster, Clock clock, Timer timer, StartLatency startLatency, KubeletApi api,
            SeenJobs seenJobs, ClusterNodes nodes, Runnable refused) {
        this.cluster = cluster;
        this.clock = clock;
        this.timer = timer;
        this.startLatency = startLatency;
        this.api = api;
        this.seenJobs = seenJobs;
        this.nodes = nodes;
        this.refused = refused;
        this.jobStatuses = new JobStatusWriter(api, refused);
    }

    void addListener(FakeKubelet.PodListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A snapshot of the pods, oldest first, safe to change the pods while iterating it. */
    List<TrackedPod> all() {
        return List.copyOf(pods.values());
    }

    /** The pod called {@code name}, or null. */
    TrackedPod get(String name) {
        return pods.get(name);
    }

    /**
     * How many changes the API first refused and a retry has written since: pod failures and Job statuses. The
     * listeners heard of each when it happened on the node; one reading the API sees it only now.
     */
    long writtenOnRetry() {
        return failuresWrittenOnRetry + jobStatuses.writtenOnRetry();
    }

    /** Retries the Job status writes that were refused. */
    void retryJobStatuses() {
        jobStatuses.retry();
    }

    /** Whether a pod or a Job status waits for the next sync: a start, a write or room on a node. */
    boolean hasPendingWork() {
        if (jobStatuses.pending()) {
            return true;
        }
        for (TrackedPod t : pods.values()) {
            if (t.startDue || t.failedWriteDue || unschedulable(t)) {
                return true;
            }
        }
        return false;
    }

    /** The counters of what the pods went through, with the kubelet's own {@code nodeLosses} and {@code apiErrors}. */
    KubeletCounters counters(long nodeLosses, long apiErrors) {
        long unschedulable = pods.values().stream().filter(KubeletPods::unschedulable).count();
        return new KubeletCounters(podsCreated, podsStarted, unschedulable, unschedulableAttempts, failedByNodeLoss,
                podsDeleted, nodeLosses, apiErrors);
    }

    static boolean unschedulable(TrackedPod t) {
        return t.phase == PodPhase.PENDING && t.node == null;
    }

    /** Whether the Job of pod {@code t} ({@code job}, null if gone) still wants it. */
    static boolean wanted(TrackedPod t, Job job) {
        return JobPods.wants(job, t.jobUid.isEmpty() ? null : t.jobUid);
    }

    /**
     * Creates the pod of {@code job}, bound to the node that fits it best, or unschedulable if none does; false if
     * the API refused it (nothing created).
     */
    boolean create(Job job) {
        String jobName = job.getMetadata().getName();
        Resources request = SessionJobs.request(job);
        String podName = jobName + "-" + suffix(++podSequence);
        TrackedPod t = new TrackedPod(podName, jobName, Objects.toString(job.getMetadata().getUid(), ""),
                JobPods.label(job, SessionJobs.SESSION), request);
        SimulatedNode node = nodes.choose(request);
        try {
            api.createPod(job, podName, node == null ? null : node.name,
                    node == null ? nodes.unschedulableMessage(request) : null);
        } catch (KubernetesClientException e) {
            refused.run();
            return false;
        }
        podsCreated++;
        pods.put(podName, t);
        t.phase = PodPhase.PENDING;
        if (node == null) {
            unschedulableAttempts++;
            notify(t, null, PodPhase.PENDING, FakeKubelet.UNSCHEDULABLE);
        } else {
            nodes.reserve(t, node);
            notify(t, null, PodPhase.PENDING, "Scheduled");
            scheduleStart(t);
        }
        return true;
    }

    /** Binds an unschedulable pod if a node fits it now. */
    void place(TrackedPod t) {
        SimulatedNode node = nodes.choose(t.request);
        if (node == null) {
            unschedulableAttempts++;
            return;
        }
        try {
            api.bind(t.name, node.name);
        } catch (KubernetesClientException e) {
            refused.run();
            return;
        }
        nodes.reserve(t, node);
        scheduleStart(t);
    }

    private void scheduleStart(TrackedPod t) {
        long at = Math.addExact(clock.nanos(), startLatency.sampleNanos());
        t.start = timer.schedule(at, () -> {
            t.start = null;
            start(t);
        });
    }

    /** The start event (or its retry on a sync): Running if the pod and its Job still want it. */
    void start(TrackedPod t) {
        t.startDue = false;
        if (pods.get(t.name) != t || t.phase != PodPhase.PENDING || t.node == null) {
            return;
        }
        Job job = seenJobs.get(t.jobName);
        if (!wanted(t, job)) {
            delete(t.name, job == null ? "JobGone" : "JobSuspended");
            return;
        }
        try {
            api.patchRunning(t.name, Instant.ofEpochMilli(clock.epochMillis()));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                forget(t, "JobGone"); // deleted behind the kubelet's back
                return;
            }
            refused.run();
            t.startDue = true;
            return;
        }
        t.phase = PodPhase.RUNNING;
        podsStarted++;
        notify(t, PodPhase.PENDING, PodPhase.RUNNING, "Started");
    }

    /** Fails every Pending or Running pod on {@code node}, which was just lost. */
    void failOn(SimulatedNode node) {
        for (TrackedPod t : all()) {
            if (t.node == node && (t.phase == PodPhase.PENDING || t.phase == PodPhase.RUNNING)) {
                cancelStart(t);
                nodes.release(t);
                PodPhase from = t.phase;
                t.phase = PodPhase.FAILED;
                failedByNodeLoss++;
                writeFailed(t);
                notify(t, from, PodPhase.FAILED, FakeKubelet.NODE_LOST);
            }
        }
    }

    /** Writes the Failed status of a pod whose node was lost (or retries it). */
    void writeFailed(TrackedPod t) {
        try {
            api.patchFailed(t.name, FakeKubelet.NODE_LOST, "node " + t.node.name + " was lost");
            if (t.failedWriteDue) {
                failuresWrittenOnRetry++;
            }
            t.failedWriteDue = false;
        } catch (KubernetesClientException e) {
            refused.run();
            t.failedWriteDue = true;
        }
    }

    /** Deletes a pod; {@code false} if the API refused (it is retried on the next sync). */
    boolean delete(String name, String reason) {
        try {
            api.deletePod(name);
        } catch (KubernetesClientException e) {
            refused.run();
            return false;
        }
        podsDeleted++;
        TrackedPod t = pods.get(name);
        if (t != null) {
            forget(t, reason);
        }
        return true;
    }

    private void forget(TrackedPod t, String reason) {
        cancelStart(t);
        nodes.release(t);
        pods.remove(t.name);
        notify(t, t.phase, null, reason);
    }

    private static void cancelStart(TrackedPod t) {
        if (t.start != null) {
            t.start.cancel();
            t.start = null;
        }
        t.startDue = false;
    }

    private void notify(TrackedPod t, PodPhase from, PodPhase to, String reason) {
        jobStatuses.record(t.jobName, to);
        PodChange change = new PodChange(cluster, t.name, t.jobName, t.sessionId == null ? "" : t.sessionId,
                t.node == null ? "" : t.node.name, from, to, reason, clock.nanos());
        for (FakeKubelet.PodListener l : listeners) {
            l.onChange(change);
        }
    }

    private static String suffix(long n) {
        String s = Long.toString(n, 36);
        return s.length() >= 5 ? s : "0".repeat(5 - s.length()) + s;
    }
}
