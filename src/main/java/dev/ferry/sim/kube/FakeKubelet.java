package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.Capacity;
import dev.ferry.cluster.kube.PodPhase;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.model.ClusterModel;
import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A fake kubelet and kube-scheduler for one cluster, on virtual time, over that cluster's fabric8 (CRUD mock) API
 * server and one namespace. It plays the Job controller too, as far as Ferry's Jobs need it: one pod per
 * unsuspended Job, deleted when the Job is suspended or gone. No thread and no polling: the simulation calls
 * {@link #sync()} after each scheduler pass, and the start of a pod is an event on the {@link Timer}.
 *
 * <ul>
 *   <li><b>Placement</b>: least allocated, like kube-scheduler's default scoring: among the nodes that are up and
 *       fit the pod's requests (CPU, memory, GPUs at once), the one with the most CPU and memory left after
 *       placing it (sum of the free fractions); ties go to the first node in the model's order (pools in file
 *       order, then index). GPU nodes are tainted: only pods that ask for GPUs go there, and those only
 *       there.</li>
 *   <li><b>Start</b>: the pod is created bound to its node in phase Pending, and turns Running after a sampled
 *       scheduling + image pull + NFS mount latency ({@link ClusterModel.PodStart}), if by then the pod still
 *       exists and its Job still wants it. A pod that fits nowhere is created Pending without a node, with
 *       condition {@code PodScheduled=False/Unschedulable}, and placed on a later sync when room appears (oldest
 *       first).</li>
 *   <li><b>SimulatedNode loss</b> ({@link #loseNode}): every pod on the node turns Failed with reason {@code NodeLost};
 *       Ferry's Jobs have {@code backoffLimit: 0}, so no new pod is made for them: the scheduler decides. The
 *       node offers nothing until it returns.</li>
 *   <li><b>API errors</b>: a failed call is counted and retried on the next sync; it never escapes a timer
 *       event.</li>
 * </ul>
 *
 * The kubelet accounts capacity only for the pods it created. Deterministic: for the same calls, API answers and
 * random generator, the same pods, nodes and times. Single-threaded, like the kernel.
 */
public final class FakeKubelet {

    public static final String NODE_LOST = "NodeLost";
    public static final String UNSCHEDULABLE = "Unschedulable";


    private final String cluster;
    private final Clock clock;
    private final Timer timer;
    private final RandomGenerator random;
    private final ClusterModel.PodStart podStart;
    private final KubernetesClient client;
    private final String namespace;
    private final List<SimulatedNode> nodes = new ArrayList<>();
    private final Map<String, SimulatedNode> nodesByName = new LinkedHashMap<>();
    private final Map<String, TrackedPod> pods = new LinkedHashMap<>();
    private final List<PodListener> listeners = new ArrayList<>();
    private long podSequence;
    private long podsCreated;
    private long podsStarted;
    private long unschedulableAttempts;
    private long failedByNodeLoss;
    private long podsDeleted;
    private long nodeLosses;
    private long apiErrors;

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
     * @param client    a client of the cluster's API server, without fabric8's own retries
     * @param namespace the namespace of Ferry's Jobs
     */
    public FakeKubelet(ClusterModel.Cluster model, ClusterModel.PodStart podStart, Clock clock, Timer timer,
            RandomGenerator random, KubernetesClient client, String namespace) {
        this.cluster = model.name();
        this.podStart = Objects.requireNonNull(podStart, "podStart");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.random = Objects.requireNonNull(random, "random");
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        Integer retries = client.getConfiguration().getRequestRetryBackoffLimit();
        if (retries != null && retries > 0) {
            throw new IllegalArgumentException("cluster " + cluster + ": the client retries by itself on a real-time "
                    + "timer (requestRetryBackoffLimit " + retries + "); use KubeClients.withoutRetries");
        }
        for (ClusterModel.NodePool pool : model.nodePools()) {
            for (int i = 0; i < pool.count(); i++) {
                SimulatedNode n = new SimulatedNode(String.format("%s-%s-%03d", cluster, pool.name(), i), pool.name(),
                        pool.perNode());
                nodes.add(n);
                nodesByName.put(n.name, n);
            }
        }
    }

    public String cluster() {
        return cluster;
    }

    public void addListener(PodListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Brings the pods in line with the Jobs: deletes the pods of suspended, deleting or deleted Jobs (freeing
     * their capacity), places pods that were unschedulable if room appeared, retries failed status writes, and
     * creates a pod for every unsuspended Ferry Job that has none.
     */
    public void sync() {
        Map<String, Job> jobs = new TreeMap<>();
        List<Pod> serverPods;
        try {
            for (Job j : client.batch().v1().jobs().inNamespace(namespace)
                    .withLabel(SessionJobs.MANAGED_BY, SessionJobs.FERRY).list().getItems()) {
                jobs.put(j.getMetadata().getName(), j);
            }
            serverPods = new ArrayList<>(client.pods().inNamespace(namespace)
                    .withLabel(SessionJobs.MANAGED_BY, SessionJobs.FERRY).list().getItems());
        } catch (KubernetesClientException e) {
            apiErrors++;
            return;
        }
        serverPods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
        Set<String> onServer = new HashSet<>();
        Set<String> jobsWithPod = new HashSet<>();
        for (Pod p : serverPods) {
            String name = p.getMetadata().getName();
            String jobName = JobPods.label(p, SessionJobs.JOB_NAME);
            Job job = jobName == null ? null : jobs.get(jobName);
            if (!JobPods.wants(job, JobPods.ownerUid(p))) {
                if (!deletePod(name, job == null ? "JobGone" : "JobSuspended")) {
                    onServer.add(name);
                    jobsWithPod.add(jobName);
                }
                continue;
            }
            onServer.add(name);
            jobsWithPod.add(jobName);
        }
        for (TrackedPod t : List.copyOf(pods.values())) {
            if (!onServer.contains(t.name)) {
                forget(t, "JobGone");
            }
        }
        for (TrackedPod t : List.copyOf(pods.values())) {
            if (t.failedWriteDue) {
                writeFailed(t);
            } else if (t.phase == PodPhase.PENDING && t.node == null) {
                place(t);
            } else if (t.startDue) {
                start(t);
            }
        }
        for (Job job : jobs.values()) {
            if (!jobsWithPod.contains(job.getMetadata().getName()) && JobPods.wants(job, null)) {
                createPod(job);
            }
        }
    }

    /**
     * Loses node {@code name} for {@code downForNanos}: its pods turn Failed ({@code NodeLost}) and it offers no
     * capacity until it returns. Losing a node that is down keeps it down until the later of the two returns.
     */
    public void loseNode(String name, long downForNanos) {
        SimulatedNode node = nodesByName.get(name);
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
            }
        });
        for (TrackedPod t : List.copyOf(pods.values())) {
            if (t.node == node && (t.phase == PodPhase.PENDING || t.phase == PodPhase.RUNNING)) {
                cancelStart(t);
                release(t);
                PodPhase from = t.phase;
                t.phase = PodPhase.FAILED;
                failedByNodeLoss++;
                writeFailed(t);
                notify(t, from, PodPhase.FAILED, NODE_LOST);
            }
        }
    }

    /** Counters so far. */
    public KubeletCounters counters() {
        long unschedulable = pods.values().stream().filter(t -> t.phase == PodPhase.PENDING && t.node == null).count();
        return new KubeletCounters(podsCreated, podsStarted, unschedulable, unschedulableAttempts, failedByNodeLoss,
                podsDeleted, nodeLosses, apiErrors);
    }

    /** The nodes in the model's order. */
    public List<NodeView> nodes() {
        return nodes.stream().map(FakeKubelet::view).toList();
    }

    /** The node called {@code name}. */
    public Optional<NodeView> node(String name) {
        return Optional.ofNullable(nodesByName.get(name)).map(FakeKubelet::view);
    }

    /** The node pod {@code podName} is bound to, if this kubelet knows the pod and it has one. */
    public Optional<String> nodeOf(String podName) {
        TrackedPod t = pods.get(podName);
        return t == null || t.node == null ? Optional.empty() : Optional.of(t.node.name);
    }

    private void createPod(Job job) {
        String jobName = job.getMetadata().getName();
        Capacity request = JobPods.request(job);
        String podName = jobName + "-" + suffix(++podSequence);
        TrackedPod t = new TrackedPod(podName, jobName, Objects.toString(job.getMetadata().getUid(), ""),
                JobPods.label(job, SessionJobs.SESSION), request);
        SimulatedNode node = choose(request);
        Map<String, String> labels = new LinkedHashMap<>();
        if (job.getSpec().getTemplate().getMetadata() != null
                && job.getSpec().getTemplate().getMetadata().getLabels() != null) {
            labels.putAll(job.getSpec().getTemplate().getMetadata().getLabels());
        }
        labels.put(SessionJobs.MANAGED_BY, SessionJobs.FERRY);
        labels.put(SessionJobs.JOB_NAME, jobName);
        PodSpec spec = new PodSpecBuilder(job.getSpec().getTemplate().getSpec())
                .withNodeName(node == null ? null : node.name).build();
        PodBuilder pod = new PodBuilder()
                .withNewMetadata()
                    .withName(podName)
                    .withNamespace(namespace)
                    .withLabels(labels)
                .endMetadata()
                .withSpec(spec)
                .withNewStatus()
                    .withPhase(PodPhase.PENDING.apiName())
                .endStatus();
        if (job.getMetadata().getUid() != null) {
            pod.editMetadata().withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1")
                    .withKind("Job").withName(jobName).withUid(job.getMetadata().getUid()).withController(true)
                    .withBlockOwnerDeletion(true).build()).endMetadata();
        }
        if (node == null) {
            pod.editStatus().addNewCondition().withType("PodScheduled").withStatus("False")
                    .withReason(UNSCHEDULABLE).withMessage(unschedulableMessage(request)).endCondition().endStatus();
        }
        try {
            client.pods().inNamespace(namespace).resource(pod.build()).create();
        } catch (KubernetesClientException e) {
            apiErrors++;
            return;
        }
        podsCreated++;
        pods.put(podName, t);
        t.phase = PodPhase.PENDING;
        if (node == null) {
            unschedulableAttempts++;
            notify(t, null, PodPhase.PENDING, UNSCHEDULABLE);
        } else {
            reserve(t, node);
            notify(t, null, PodPhase.PENDING, "Scheduled");
            scheduleStart(t);
        }
    }

    /** Binds an unschedulable pod if a node fits it now. */
    private void place(TrackedPod t) {
        SimulatedNode node = choose(t.request);
        if (node == null) {
            unschedulableAttempts++;
            return;
        }
        Map<String, Object> condition = Map.of("type", "PodScheduled", "status", "True");
        String body = client.getKubernetesSerialization().asJson(Map.of("spec", Map.of("nodeName", node.name),
                "status", Map.of("conditions", List.of(condition))));
        try {
            pod(t.name).patch(PatchContext.of(PatchType.JSON_MERGE), body);
        } catch (KubernetesClientException e) {
            apiErrors++;
            return;
        }
        reserve(t, node);
        scheduleStart(t);
    }

    private void scheduleStart(TrackedPod t) {
        long at = Math.addExact(clock.nanos(), podStart.sample(random).totalNanos());
        t.start = timer.schedule(at, () -> {
            t.start = null;
            start(t);
        });
    }

    /** The start event (or its retry on a sync): Running if the pod and its Job still want it. */
    private void start(TrackedPod t) {
        t.startDue = false;
        if (pods.get(t.name) != t || t.phase != PodPhase.PENDING || t.node == null) {
            return;
        }
        try {
            Job job = client.batch().v1().jobs().inNamespace(namespace).withName(t.jobName).get();
            if (!JobPods.wants(job, t.jobUid.isEmpty() ? null : t.jobUid)) {
                deletePod(t.name, job == null ? "JobGone" : "JobSuspended");
                return;
            }
            if (pod(t.name).get() == null) {
                forget(t, "JobGone");
                return;
            }
            String now = Instant.ofEpochMilli(clock.epochMillis()).toString();
            List<Map<String, Object>> conditions = new ArrayList<>();
            for (String type : List.of("PodScheduled", "Initialized", "ContainersReady", "Ready")) {
                conditions.add(Map.of("type", type, "status", "True", "lastTransitionTime", now));
            }
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("phase", PodPhase.RUNNING.apiName());
            status.put("startTime", now);
            status.put("conditions", conditions);
            pod(t.name).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                    client.getKubernetesSerialization().asJson(Map.of("status", status)));
        } catch (KubernetesClientException e) {
            apiErrors++;
            t.startDue = true;
            return;
        }
        t.phase = PodPhase.RUNNING;
        podsStarted++;
        notify(t, PodPhase.PENDING, PodPhase.RUNNING, "Started");
    }

    private void writeFailed(TrackedPod t) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", PodPhase.FAILED.apiName());
        status.put("reason", NODE_LOST);
        status.put("message", "node " + t.node.name + " was lost");
        try {
            pod(t.name).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                    client.getKubernetesSerialization().asJson(Map.of("status", status)));
            t.failedWriteDue = false;
        } catch (KubernetesClientException e) {
            apiErrors++;
            t.failedWriteDue = true;
        }
    }

    /** Deletes a pod; {@code false} if the API refused (it is retried on the next sync). */
    private boolean deletePod(String name, String reason) {
        try {
            pod(name).delete();
        } catch (KubernetesClientException e) {
            apiErrors++;
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
        release(t);
        pods.remove(t.name);
        notify(t, t.phase, null, reason);
    }

    private SimulatedNode choose(Capacity request) {
        boolean wantsGpu = request.gpus() > 0;
        SimulatedNode best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SimulatedNode n : nodes) {
            if (!n.up || n.gpuNode() != wantsGpu || !n.free().fits(request)) {
                continue;
            }
            double score = fraction(n.free().cpuMillis() - request.cpuMillis(), n.allocatable.cpuMillis())
                    + fraction(n.free().memoryGiB() - request.memoryGiB(), n.allocatable.memoryGiB());
            if (score > bestScore) {
                best = n;
                bestScore = score;
            }
        }
        return best;
    }

    private String unschedulableMessage(Capacity request) {
        long up = nodes.stream().filter(n -> n.up).count();
        return "0/" + nodes.size() + " nodes are available (" + up + " up): none has " + request.cpuMillis()
                + "m cpu, " + request.memoryGiB() + " GiB memory and " + request.gpus() + " GPUs free"
                + (request.gpus() > 0 ? " on a GPU node" : " on a node without GPU taint");
    }

    private void reserve(TrackedPod t, SimulatedNode node) {
        t.node = node;
        node.cpuUsed += t.request.cpuMillis();
        node.memoryUsed += t.request.memoryGiB();
        node.gpusUsed += t.request.gpus();
        node.pods++;
        t.reserved = true;
    }

    private void release(TrackedPod t) {
        if (t.reserved) {
            t.node.cpuUsed -= t.request.cpuMillis();
            t.node.memoryUsed -= t.request.memoryGiB();
            t.node.gpusUsed -= t.request.gpus();
            t.node.pods--;
            t.reserved = false;
        }
    }

    private static void cancelStart(TrackedPod t) {
        if (t.start != null) {
            t.start.cancel();
            t.start = null;
        }
        t.startDue = false;
    }

    private void notify(TrackedPod t, PodPhase from, PodPhase to, String reason) {
        PodChange change = new PodChange(cluster, t.name, t.jobName, t.sessionId == null ? "" : t.sessionId,
                t.node == null ? "" : t.node.name, from, to, reason, clock.nanos());
        for (PodListener l : listeners) {
            l.onChange(change);
        }
    }

    private PodResource pod(String name) {
        return client.pods().inNamespace(namespace).withName(name);
    }

    private static String suffix(long n) {
        String s = Long.toString(n, 36);
        return s.length() >= 5 ? s : "0".repeat(5 - s.length()) + s;
    }

    private static double fraction(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static NodeView view(SimulatedNode n) {
        return new NodeView(n.name, n.pool, n.allocatable, n.up ? n.free() : Capacity.ZERO, n.up, n.pods);
    }
}
