package dev.ferry.sim.sweep.job;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRuleBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Indexed Job of a sweep: {@code completions} = its runs, {@code parallelism} pods at once, each pod running
 * {@code bin/ferry sim sweep SWEEP --index $JOB_COMPLETION_INDEX --out /results} in the image (whose working
 * folder holds the repository's {@code bin/}, {@code sim/}, {@code workloads/} and {@code model/}), onto the
 * results volume. Kubernetes schedules, retries and spreads the runs: each index is retried once on its own
 * ({@code backoffLimitPerIndex}), so one bad run does not fail the others; a run refused as bad input or out of
 * memory (exit 2 or 3) would fail the same way again and is not retried; a pod evicted or preempted does not count.
 *
 * @param name        the Job's name (a DNS label)
 * @param sweepFile   the sweep file as the pods see it, relative to the image's working folder
 * @param runs        how many runs the sweep has
 * @param parallelism how many pods at once
 * @param image       the image with Ferry built in
 * @param claim       the persistent volume claim the runs are written onto
 * @param heapBytes   the heap one run needs, for the JVM's -Xms and -Xmx and the pod's memory
 */
public record SweepJob(String name, String sweepFile, int runs, int parallelism, String image, String claim,
        long heapBytes) {

    /** The image's working folder: the repository's files the runs read sit under it. */
    public static final String WORKDIR = "/opt/ferry";
    /** Where the results volume is mounted in each pod. */
    public static final String RESULTS = "/results";
    /** Memory besides the heap: metaspace, code cache, threads' stacks, the mock servers' direct buffers. */
    static final long NON_HEAP = 512L << 20;
    private static final long MIB = 1L << 20;
    private static final long MIN_HEAP = 256L << 20;

    /** {@code ferry-sweep-NAME} as a DNS label: lower case, letters, digits and dashes, at most 52 characters. */
    public static String jobName(String sweepName) {
        String label = ("ferry-sweep-" + sweepName.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]+", "-");
        label = label.substring(0, Math.min(52, label.length()));
        return label.replaceAll("-+$", "");
    }

    /** The Job, in the fabric8 model of the Kubernetes API. */
    public Job job() {
        long heapMib = Math.max(MIN_HEAP, heapBytes + MIB - 1) / MIB;
        Quantity memory = new Quantity((heapMib + NON_HEAP / MIB) + "Mi");
        Map<String, String> labels = Map.of("app.kubernetes.io/name", "ferry", "app.kubernetes.io/component", "sweep",
                "ferry.dev/sweep", name);
        return new JobBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec()
                .withCompletionMode("Indexed").withCompletions(runs).withParallelism(Math.min(parallelism, runs))
                .withBackoffLimitPerIndex(1)
                .withNewPodFailurePolicy()
                .withRules(new PodFailurePolicyRuleBuilder().withAction("FailIndex").withNewOnExitCodes()
                                .withContainerName("sweep").withOperator("In").withValues(2, 3).endOnExitCodes().build(),
                        new PodFailurePolicyRuleBuilder().withAction("Ignore").addNewOnPodCondition()
                                .withType("DisruptionTarget").withStatus("True").endOnPodCondition().build())
                .endPodFailurePolicy()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("sweep").withImage(image).withWorkingDir(WORKDIR)
                .withCommand("bin/ferry")
                .withArgs("sim", "sweep", sweepFile, "--index", "$(JOB_COMPLETION_INDEX)", "--out", RESULTS)
                .withEnv(new EnvVarBuilder().withName("JOB_COMPLETION_INDEX").withNewValueFrom().withNewFieldRef()
                                .withFieldPath("metadata.annotations['batch.kubernetes.io/job-completion-index']")
                                .endFieldRef().endValueFrom().build(),
                        new EnvVarBuilder().withName("FERRY_JAVA_OPTS")
                                .withValue("-Xms" + heapMib + "m -Xmx" + heapMib + "m -XX:+UseParallelGC").build(),
                        new EnvVarBuilder().withName("CI").withValue("true").build())
                .withNewResources().withRequests(Map.of("cpu", new Quantity("1"), "memory", memory))
                .withLimits(Map.of("memory", memory)).endResources()
                .addNewVolumeMount().withName("results").withMountPath(RESULTS).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("results").withNewPersistentVolumeClaim().withClaimName(claim)
                .endPersistentVolumeClaim().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** The Job as YAML, for {@code kubectl apply -f}. */
    public String yaml() {
        return Serialization.asYaml(job());
    }

    /** The pod's command line for index {@code i}, as Kubernetes expands it. */
    public List<String> commandFor(int index) {
        return List.of("bin/ferry", "sim", "sweep", sweepFile, "--index", Integer.toString(index), "--out", RESULTS);
    }
}
