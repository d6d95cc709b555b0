package dev.ferry.sim.kube;

import dev.ferry.cluster.kube.Capacity;
import dev.ferry.cluster.kube.SessionJobs;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the fake kubelet reads off Jobs and pods: resource requests, whether a Job wants a pod, owners, labels. */
final class JobPods {

    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private JobPods() {
    }

/** What the Job's pod template requests: CPU and memory requests (limits if none), GPUs. */
static Capacity request(Job job) {
    if (job.getSpec() == null || job.getSpec().getTemplate() == null
            || job.getSpec().getTemplate().getSpec() == null) {
        return Capacity.ZERO;
    }
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    BigDecimal gpus = BigDecimal.ZERO;
    for (Container c : job.getSpec().getTemplate().getSpec().getContainers()) {
        if (c.getResources() == null) {
            continue;
        }
        Map<String, Quantity> requests = Optional.ofNullable(c.getResources().getRequests()).orElse(Map.of());
        Map<String, Quantity> limits = Optional.ofNullable(c.getResources().getLimits()).orElse(Map.of());
        cpu = cpu.add(amount(requests, limits, "cpu"));
        memory = memory.add(amount(requests, limits, "memory"));
        gpus = gpus.add(amount(requests, limits, SessionJobs.GPU));
    }
    return new Capacity(cpu.multiply(THOUSAND).setScale(0, RoundingMode.CEILING).longValueExact(),
            memory.divide(GIB, 0, RoundingMode.CEILING).longValueExact(),
            gpus.setScale(0, RoundingMode.CEILING).longValueExact());
}

private static BigDecimal amount(Map<String, Quantity> requests, Map<String, Quantity> limits, String name) {
    Quantity q = requests.containsKey(name) ? requests.get(name) : limits.get(name);
    return q == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(q);
}

/** Whether {@code job} wants a pod (owned by {@code podOwnerUid}, if known). */
static boolean wants(Job job, String podOwnerUid) {
    if (job == null || job.getMetadata().getDeletionTimestamp() != null) {
        return false;
    }
    if (job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getSuspend())) {
        return false;
    }
    String uid = job.getMetadata().getUid();
    return podOwnerUid == null || uid == null || podOwnerUid.equals(uid);
}

static String ownerUid(Pod pod) {
    if (pod.getMetadata().getOwnerReferences() == null) {
        return null;
    }
    return pod.getMetadata().getOwnerReferences().stream().filter(r -> "Job".equals(r.getKind()))
            .map(r -> r.getUid()).filter(Objects::nonNull).findFirst().orElse(null);
}

static String label(io.fabric8.kubernetes.api.model.HasMetadata resource, String key) {
    Map<String, String> labels = resource.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
}
}
