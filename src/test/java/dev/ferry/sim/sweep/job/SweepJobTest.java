package dev.ferry.sim.sweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import dev.ferry.testing.MockClusters;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim sweep --kubernetes-job}: the Indexed Job it writes is a Job of the Kubernetes API (read back through
 * the fabric8 model), is accepted by an API server (a fabric8 mock one), and its pods run the sweep's runs by index.
 */
class SweepJobTest {

    private static final String SWEEP = "src/test/resources/sim/sweep-small.yaml";

    @TempDir
    Path dir;

    private Job written(String... options) throws Exception {
        Path file = dir.resolve("job.yaml");
        String[] args = new String[5 + options.length];
        System.arraycopy(new String[] {"sim", "sweep", SWEEP, "--kubernetes-job", file.toString()}, 0, args, 0, 5);
        System.arraycopy(options, 0, args, 5, options.length);
        FerryCli.Run run = FerryCli.run(args);
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).contains("wrote the Indexed Job of 4 runs to " + file);
        return Serialization.unmarshal(Files.readString(file), Job.class);
    }

    @Test
    @DisplayName("one completion per run, indexed, each index retried once on its own, pods never restarted in place")
    void indexedJob() throws Exception {
        Job job = written("--image", "registry.example/ferry:1", "--parallelism", "3", "--results-volume", "runs");

        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getKind()).isEqualTo("Job");
        assertThat(job.getMetadata().getName()).isEqualTo("ferry-sweep-small-budgets");
        var spec = job.getSpec();
        assertThat(spec.getCompletionMode()).isEqualTo("Indexed");
        assertThat(spec.getCompletions()).isEqualTo(4);
        assertThat(spec.getParallelism()).isEqualTo(3);
        assertThat(spec.getBackoffLimitPerIndex()).isEqualTo(1);
        assertThat(spec.getPodFailurePolicy().getRules()).extracting(r -> r.getAction())
                .containsExactly("FailIndex", "Ignore");
        var pod = spec.getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        Container c = pod.getContainers().get(0);
        assertThat(c.getImage()).isEqualTo("registry.example/ferry:1");
        assertThat(c.getWorkingDir()).isEqualTo(SweepJob.WORKDIR);
        assertThat(c.getCommand()).containsExactly("bin/ferry");
        assertThat(c.getArgs()).containsExactly("sim", "sweep", SWEEP, "--index", "$(JOB_COMPLETION_INDEX)", "--out",
                "/results");
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("JOB_COMPLETION_INDEX");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        });
        assertThat(pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("runs");
        assertThat(c.getVolumeMounts().get(0).getMountPath()).isEqualTo("/results");
    }

    @Test
    @DisplayName("requests are sized from the workload: the heap estimate as -Xms and -Xmx, plus room outside the heap")
    void sizedFromTheWorkload() throws Exception {
        Container c = written().getSpec().getTemplate().getSpec().getContainers().get(0);

        String opts = c.getEnv().stream().filter(e -> e.getName().equals("FERRY_JAVA_OPTS")).findFirst().orElseThrow()
                .getValue();
        assertThat(opts).matches("-Xms(\\d+)m -Xmx\\1m -XX:\\+UseParallelGC");
        long heapMib = Long.parseLong(opts.substring(4, opts.indexOf("m ")));
        assertThat(heapMib).isGreaterThanOrEqualTo(256);
        assertThat(c.getResources().getRequests().get("memory").toString()).isEqualTo((heapMib + 512) + "Mi");
        assertThat(c.getResources().getLimits().get("memory")).isEqualTo(c.getResources().getRequests().get("memory"));
        assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("1");
    }

    @Test
    @DisplayName("an API server accepts the Job as written and gives it back the same")
    void acceptedByAnApiServer() throws Exception {
        Job job = written();
        KubernetesMockServer server = MockClusters.crud();
        try (KubernetesClient client = MockClusters.client(server)) {
            client.batch().v1().jobs().inNamespace("sweeps").resource(job).create();

            Job stored = client.batch().v1().jobs().inNamespace("sweeps").withName(job.getMetadata().getName()).get();

            assertThat(stored.getSpec()).isEqualTo(job.getSpec());
        } finally {
            server.destroy();
        }
    }

    @Test
    @DisplayName("a sweep file outside the repository is refused: the pods would not find it in the image")
    void sweepOutsideTheImage() throws Exception {
        Path outside = Files.copy(Path.of(SWEEP), dir.resolve("s.yaml"));
        Files.copy(Path.of("src/test/resources/sim/clusters-2.yaml"), dir.resolve("clusters-2.yaml"));
        Files.writeString(dir.resolve("sweep-base.yaml"), Files.readString(Path.of("src/test/resources/sim/sweep-base"
                + ".yaml")).replace("../../../../model/", Path.of("model").toAbsolutePath() + "/"));

        FerryCli.Run run = FerryCli.run("sim", "sweep", outside.toString(), "--kubernetes-job",
                dir.resolve("job.yaml").toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(run.err()).contains("is outside this folder; the pods find the sweep file at the same path inside"
                + " the image");
        assertThat(dir.resolve("job.yaml")).doesNotExist();
    }
}
