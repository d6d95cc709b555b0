package dev.ferry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.migrate.Resources;
import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterModelTest {

    private static final String VALID = """
            provenance: "test"
            clusters:
              - name: k8s-a1
                zone: zone-a
                node_pools:
                  - {name: cpu, count: 2, cpu: 32, memory_gib: 128, gpus: 0}
                  - {name: gpu, count: 1, cpu: 64, memory_gib: 512, gpus: 8}
            pod_start_ms:
              scheduling: {log_mean: 5.3, log_sd: 0.5, min: 20, max: 10000}
              image_pull:
                cached_share: 0.85
                cached: {log_mean: 7.3, log_sd: 0.4, min: 200, max: 15000}
                uncached: {log_mean: 10.7, log_sd: 0.6, min: 10000, max: 600000}
              nfs_mount: {log_mean: 7.3, log_sd: 0.8, min: 100, max: 120000}
            """;

    @Test
    @DisplayName("model/clusters.yaml: 4 clusters in 2 zones, room for the default population")
    void defaultFederation() throws ConfigException {
        ClusterModel model = ClusterModel.read(Path.of("model/clusters.yaml"));
        assertThat(model.clusters()).extracting(ClusterModel.Cluster::name, ClusterModel.Cluster::zone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("k8s-a1", "zone-a"),
                        org.assertj.core.groups.Tuple.tuple("k8s-a2", "zone-a"),
                        org.assertj.core.groups.Tuple.tuple("k8s-b1", "zone-b"),
                        org.assertj.core.groups.Tuple.tuple("k8s-b2", "zone-b"));
        assertThat(model.provenance()).startsWith("assumption");
        long cpu = model.clusters().stream().mapToLong(c -> c.capacity().milliCpu()).sum();
        long memory = model.clusters().stream().mapToLong(c -> c.capacity().memoryMiB()).sum() / 1024;
        long gpus = model.clusters().stream().mapToLong(c -> c.capacity().gpus()).sum();
        // 3,500 sessions of model/population.yaml ask for about 15,050 cpu, 65,275 GiB and 175 GPUs
        assertThat(cpu).isGreaterThan(15_050_000L);
        assertThat(memory).isGreaterThan(65_275L);
        assertThat(gpus).isGreaterThan(175L);
        assertThat(model.cluster("k8s-b2").nodes()).isEqualTo(146);
        assertThat(model.cluster("k8s-a1").nodePools().get(1).perNode()).isEqualTo(Resources.ofGiB(64_000, 512, 8));
        assertThat(model.cluster("k8s-a1").gpuNodeCapacity()).as("6 GPU nodes, for GPU sessions only")
                .isEqualTo(Resources.ofGiB(384_000, 3072, 48));
    }

    @Test
    @DisplayName("node scoring: least allocated (Kubernetes' default) unless a cluster says most-allocated")
    void nodeScoring() throws ConfigException {
        assertThat(parse(VALID).cluster("k8s-a1").scoring()).isEqualTo(NodeScoring.LEAST_ALLOCATED);
        ClusterModel packed = parse(VALID.replace("zone: zone-a", "zone: zone-a\n    node_scoring: most-allocated"));
        assertThat(packed.cluster("k8s-a1").scoring()).isEqualTo(NodeScoring.MOST_ALLOCATED);
        assertError(VALID.replace("zone: zone-a", "zone: zone-a\n    node_scoring: bin-pack"),
                "line 5: clusters[0].node_scoring: must be one of least-allocated, most-allocated, was 'bin-pack'");
    }

    @Test
    @DisplayName("latencies: log-normal clamped to [min, max], in nanoseconds")
    void latencies() throws ConfigException {
        ClusterModel model = parse(VALID);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            ClusterModel.Sample s = model.podStart().sample(random);
            assertThat(s.schedulingNanos()).isBetween(20_000_000L, 10_000_000_000L);
            assertThat(s.imagePullNanos()).isBetween(200_000_000L, 600_000_000_000L);
            assertThat(s.nfsMountNanos()).isBetween(100_000_000L, 120_000_000_000L);
            assertThat(s.totalNanos()).isEqualTo(s.schedulingNanos() + s.imagePullNanos() + s.nfsMountNanos());
        }
        assertThat(new ClusterModel.LogNormal(0, 1, 1500, 1500).sampleNanos(random)).isEqualTo(1_500_000_000L);
    }

    @Test
    @DisplayName("validation errors name the file, the line and the field")
    void validation() {
        assertError(VALID.replace("gpus: 8}", "gpus: 8, disk: 3}"), "line 7: clusters[0].node_pools[1].disk: "
                + "unknown field");
        assertError(VALID.replace("zone: zone-a", "zone: zone-a\n    region: x"), "line 5: clusters[0].region: "
                + "unknown field");
        assertError(VALID.replace("name: k8s-a1", "name: K8S_A1"), "line 3: clusters[0].name: must be a DNS-1123");
        assertError(VALID.replace("count: 2", "count: -1"), "line 6: clusters[0].node_pools[0].count: must be an "
                + "integer between 0 and 100000");
        assertError(VALID.replace("min: 100, max: 120000", "min: 100, max: 50"),
                "line 14: pod_start_ms.nfs_mount.max: must not be below min");
        assertError(VALID.replace("cached_share: 0.85", "cached_share: 1.5"),
                "line 11: pod_start_ms.image_pull.cached_share: must be between 0 and 1");
        assertError(VALID.replace("    uncached:", "    uncashed:"), "line 13: pod_start_ms.image_pull.uncashed: "
                + "unknown field");
        String twice = VALID.replace("pod_start_ms:", """
                  - name: k8s-a1
                    zone: zone-b
                    node_pools:
                      - {name: cpu, count: 2, cpu: 32, memory_gib: 128, gpus: 0}
                pod_start_ms:""");
        assertError(twice, "line 8: clusters[1].name: cluster 'k8s-a1' is listed twice");
        assertError(VALID.replace("provenance: \"test\"\n", ""), "line 1: missing field 'provenance'");
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusters.yaml " + message.substring(0, message.indexOf(':')))
                .hasMessageContaining(message);
    }

    private static ClusterModel parse(String yaml) throws ConfigException {
        return ClusterModel.from(YamlFile.parse("model/clusters.yaml", yaml).fields());
    }
}
