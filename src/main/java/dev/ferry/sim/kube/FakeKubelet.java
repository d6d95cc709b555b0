package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.KubeApiException;
import dev.ferry.model.ClusterModel;
import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A fake kubelet and kube-scheduler for one cluster, on virtual time, over that cluster's fabric8 (CRUD mock) API
 * server and one namespace. It plays the Job controller too, as far as Ferry's Jobs need it: one pod per
 * unsuspended Job, deleted when the Job is suspended or gone. No thread and no polling: the simulation calls
 * {@link #sync()} after each scheduler pass, and the start of a pod is an event on the {@link Timer}. It reads the Jobs
 * from its {@link KubeletJobs} (a watch: no request) and writes pods and Job status through the API.
 *
 * <ul>
 *   <li><b>Placement</b>: by the cluster's {@link dev.ferry.model.NodeScoring} ({@code ClusterNodes#choose}):
 *       among the nodes that are up and fit the pod's requests, the one with the most (least allocated) or the
 *       least (most allocated) CPU and memory left; ties to the first node in the model's order. GPU nodes are
 *       tainted: only pods that ask for GPUs go there, and those only there.</li>
 *   <li><b>Start</b>: the pod is created bound to its node in phase Pending, and turns Running after a sampled
 *       scheduling + image pull + NFS mount latency ({@link ClusterModel.PodStart}), if by then the pod still
 *       exists and its Job still wants it. A pod that fits nowhere is created Pending without a node, with
 *       condition {@code PodScheduled=False/Unschedulable}, and placed on a later sync when room appears (oldest
 *       first).</li>
 *   <li><b>Node loss</b> ({@link #loseNode}): every pod on the node turns Failed with reason {@code NodeLost};
 *       Ferry's Jobs have {@code backoffLimit: 0}, so no new pod is made for them: the scheduler decides. The
 *       node offers nothing until it returns.</li>
 *   <li><b>API errors</b>: a failed call is counted and retried on the next sync; it never escapes a timer
 *       event.</li>
 * </ul>
 *
 * The kubelet accounts capacity only for the pods it created. Deterministic: for the same calls, API answers and
 * random generator, the same pods, nodes and times. Single-threaded, like the kernel. This class decides what each
 * sync does and loses nodes; its package-private parts do the rest: {@code KubeletPods} moves the pods through
 * their phases, {@code ClusterNodes} places them, {@code KubeletApi} makes the API calls, {@code SeenJobs} keeps
 * the Jobs as the last sync read them, {@code JobStatusWriter} writes their status and {@code StartLatency} draws the
 * start latencies.
 */
public final class FakeKubelet {

    public static final String NODE_LOST = "NodeLost";
    public static final String UNSCHEDULABLE = "Unschedulable";

    private final String cluster;
    private final Clock clock;
    private final Timer timer;
    private final StartLatency startLatency;
    private final SeenJobs seenJobs;
    private final ClusterNodes nodes;
    private final KubeletPods pods;
    private long nodeLosses;
    private long apiErrors;
    private boolean retryDue;
    private boolean capacityReturned;

    /** Hears every phase change of the pods this kubelet manages. */
    @FunctionalInterface
    public interface PodListener {
        void onChange(PodChange change);
    }

    /**
     * @param model     the cluster's nodes (its name is the cluster's)
     * @param podStart  pod start latencies
     * @param clock     virtual time (the kernel)
     * @param timer     the kernel, for pod starts and node returns
     * @param random    draws the latencies
     * @param client    a client of the cluster's API server, without fabric8's own retries, for the writes
     * @param namespace the namespace of Ferry's Jobs
     * @param jobs      where the kubelet reads the namespace's Jobs (its watch)
     */
    public FakeKubelet(ClusterModel.Cluster model, ClusterModel.PodStart podStart, Clock clock, Timer timer,
            RandomGenerator random, KubernetesClient client, String namespace, KubeletJobs jobs) {
        this.cluster = model.name();
        Objects.requireNonNull(podStart, "podStart");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.startLatency = new StartLatency(podStart, Objects.requireNonNull(random, "random"));
        KubeletApi api = new KubeletApi(cluster, client, namespace);
        this.seenJobs = new SeenJobs(jobs);
        this.nodes = new ClusterNodes(model);
        this.pods = new KubeletPods(cluster, clock, timer, startLatency, api, seenJobs, nodes, this::refused);
    }

    public String cluster() {
        return cluster;
    }

    public void addListener(PodListener listener) {
        pods.addListener(listener);
    }

    /**
     * Brings the pods in line with the Jobs: deletes the pods of suspended, deleting or deleted Jobs (freeing
     * their capacity), places pods that were unschedulable if room appeared, retries failed status writes, and
     * creates a pod for every unsuspended Ferry Job that has none. No list call: the Jobs come from the kubelet's
     * watch, and the kubelet made every pod it manages, so it knows them without asking; a pod start between syncs
     * acts on the Jobs as this sync saw them, as a real kubelet acts on its watch cache.
     */
    public void sync() {
        retryDue = false;
        capacityReturned = false;
        Map<String, Job> jobs;
        try {
            jobs = seenJobs.read();
        } catch (KubernetesClientException | KubeApiException e) {
            refused();
            return;
        }
        Set<String> jobsWithPod = new HashSet<>();
        for (TrackedPod t : pods.all()) {
            Job job = jobs.get(t.jobName);
            if (!KubeletPods.wanted(t, job)) {
                if (!pods.delete(t.name, job == null ? "JobGone" : "JobSuspended")) {
                    jobsWithPod.add(t.jobName);
                }
                continue;
            }
            jobsWithPod.add(t.jobName);
        }
        pods.retryJobStatuses();
        for (TrackedPod t : pods.all()) {
            if (t.failedWriteDue) {
                pods.writeFailed(t);
            } else if (KubeletPods.unschedulable(t)) {
                pods.place(t);
            } else if (t.startDue) {
                pods.start(t);
            }
        }
        for (Job job : jobs.values()) {
            if (!jobsWithPod.contains(job.getMetadata().getName()) && JobPods.wants(job, null)) {
                pods.create(job); // refused: the next sync finds the Job without a pod again
            }
        }
    }

    /**
     * Makes {@code share} of the pod starts from now on take {@code factor} times as long (an image registry or NFS
     * server under strain). The extra draw is made only while {@code share} is positive.
     */
    public void setSlowStarts(double share, double factor) {
        startLatency.setSlowStarts(share, factor);
    }

    /**
     * Whether a {@link #sync()} has work even if no Job changed since the last one: a refused call to retry, a pod
     * waiting for room, or a node that came back.
     */
    public boolean hasPendingWork() {
        return retryDue || capacityReturned || pods.hasPendingWork();
    }

    /**
     * Loses node {@code name} for {@code downForNanos}: its pods turn Failed ({@code NodeLost}) and it offers no
     * capacity until it returns. Losing a node that is down keeps it down until the later of the two returns.
     */
    public void loseNode(String name, long downForNanos) {
        SimulatedNode node = nodes.byName(name);
        if (node == null) {
            throw new IllegalArgumentException("cluster " + cluster + " has no node " + name);
        }
        if (downForNanos <= 0) {
            throw new IllegalArgumentException("a node is lost for a positive time, got " + downForNanos + " ns");
        }
        nodeLosses++;
        long back = Math.max(node.up ? 0 : node.downUntil, Math.addExact(clock.nanos(), downForNanos));
        node.up = false;
        node.downUntil = back;
        long generation = ++node.generation;
        timer.schedule(back, () -> {
            if (node.generation == generation) {
                node.up = true;
                capacityReturned = true;
            }
        });
        pods.failOn(node);
    }

    /**
     * How many changes its API server first refused (a lost node's pod Failed, a Job's status) a later sync has
     * written: the change was told to the listeners when it happened, but one that reads the API sees it only now.
     */
    public long writtenOnRetry() {
        return pods.writtenOnRetry();
    }

    /** Counters so far. */
    public KubeletCounters counters() {
        return pods.counters(nodeLosses, apiErrors);
    }

    /** The nodes in the model's order. */
    public List<NodeView> nodes() {
        return nodes.all().stream().map(ClusterNodes::view).toList();
    }

    /** The node called {@code name}. */
    public Optional<NodeView> node(String name) {
        return Optional.ofNullable(nodes.byName(name)).map(ClusterNodes::view);
    }

    /** The node pod {@code podName} is bound to, if this kubelet knows the pod and it has one. */
    public Optional<String> nodeOf(String podName) {
        TrackedPod t = pods.get(podName);
        return t == null || t.node == null ? Optional.empty() : Optional.of(t.node.name);
    }

    private void refused() {
        apiErrors++;
        retryDue = true;
    }
}
