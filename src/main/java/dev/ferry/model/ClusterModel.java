package dev.ferry.model;

import dev.ferry.migrate.Resources;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The Kubernetes federation the sessions move to (from {@code model/clusters.yaml}): its clusters with their
 * zones and node pools, and how long a session's pod takes to start (scheduling, image pull, NFS home mount).
 *
 * @param clusters   the federation's clusters, in file order, names unique
 * @param podStart   pod start latencies
 * @param provenance where the numbers come from
 */
public record ClusterModel(List<Cluster> clusters, PodStart podStart, String provenance) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final double MAX_MS = 86_400_000;

    public ClusterModel {
        clusters = List.copyOf(clusters);
    }

    /**
     * Nodes alike.
     *
     * @param name    the pool's name (a DNS-1123 label); nodes are named {@code <cluster>-<pool>-<index>}
     * @param count   how many nodes
     * @param perNode what one node of the pool offers for pods; a pool with GPUs is tainted and takes only pods
     *                that ask for GPUs
     */
    public record NodePool(String name, int count, Resources perNode) {

        public NodePool {
            java.util.Objects.requireNonNull(perNode, "perNode");
        }
    }

    /** One cluster: its name (a DNS-1123 label), zone, node pools and how its scheduler scores nodes. */
    public record Cluster(String name, String zone, List<NodePool> nodePools, NodeScoring scoring) {

        public Cluster {
            nodePools = List.copyOf(nodePools);
            java.util.Objects.requireNonNull(scoring, "scoring");
        }

        /** A cluster whose scheduler spreads pods, as Kubernetes does by default. */
        public Cluster(String name, String zone, List<NodePool> nodePools) {
            this(name, zone, nodePools, NodeScoring.LEAST_ALLOCATED);
        }

        /** Everything its nodes offer together. */
        public Resources capacity() {
            return sum(p -> true);
        }

        /** What its GPU node pools offer together: tainted, for sessions that ask for GPUs only. */
        public Resources gpuNodeCapacity() {
            return sum(p -> p.perNode().gpus() > 0);
        }

        /** The cluster as the migration scheduler knows it: name, zone, capacity and GPU nodes. */
        public TargetCluster target() {
            return new TargetCluster(name, zone, capacity(), gpuNodeCapacity());
        }

        private Resources sum(java.util.function.Predicate<NodePool> which) {
            Resources total = Resources.NONE;
            for (NodePool p : nodePools) {
                if (which.test(p)) {
                    Resources n = p.perNode();
                    total = total.plus(new Resources(n.milliCpu() * p.count(), n.memoryMiB() * p.count(),
                            Math.multiplyExact(n.gpus(), p.count())));
                }
            }
            return total;
        }

        /** How many nodes it has. */
        public int nodes() {
            return nodePools.stream().mapToInt(NodePool::count).sum();
        }
    }

    /** A latency {@code exp(logMean + logSd * N(0,1))} milliseconds, clamped to {@code [minMs, maxMs]}. */
    public record LogNormal(double logMean, double logSd, double minMs, double maxMs) {

        /** One sample in nanoseconds; draws one Gaussian from {@code random}. */
        public long sampleNanos(RandomGenerator random) {
            double ms = Math.exp(logMean + logSd * random.nextGaussian());
            return Math.round(Math.min(maxMs, Math.max(minMs, ms)) * 1_000_000d);
        }
    }

    /**
     * How long a pod takes from creation to Running: scheduling, then pulling the image (cached on the node with
     * probability {@code imageCachedShare}), then mounting the user's NFS home.
     */
    public record PodStart(LogNormal scheduling, double imageCachedShare, LogNormal imagePullCached,
                           LogNormal imagePullUncached, LogNormal nfsMount) {

        /** One sample of the three steps, drawn in a fixed order (scheduling, cache hit, pull, mount). */
        public Sample sample(RandomGenerator random) {
            long scheduling = this.scheduling.sampleNanos(random);
            boolean cached = random.nextDouble() < imageCachedShare;
            long pull = (cached ? imagePullCached : imagePullUncached).sampleNanos(random);
            return new Sample(scheduling, cached, pull, nfsMount.sampleNanos(random));
        }
    }

    /** One pod's start latencies, nanoseconds. */
    public record Sample(long schedulingNanos, boolean imageCached, long imagePullNanos, long nfsMountNanos) {

        public long totalNanos() {
            return schedulingNanos + imagePullNanos + nfsMountNanos;
        }
    }

    public static ClusterModel read(Path file) throws ConfigException {
        return from(YamlFile.read(file).fields());
    }

    public static ClusterModel from(Fields f) throws ConfigException {
        f.allowOnly("provenance", "clusters", "pod_start_ms");
        List<Cluster> clusters = clusters(f);
        Fields start = f.object("pod_start_ms");
        start.allowOnly("scheduling", "image_pull", "nfs_mount");
        Fields pull = start.object("image_pull");
        pull.allowOnly("cached_share", "cached", "uncached");
        PodStart podStart = new PodStart(logNormal(start, "scheduling"), pull.number("cached_share", 0, 1),
                logNormal(pull, "cached"), logNormal(pull, "uncached"), logNormal(start, "nfs_mount"));
        return new ClusterModel(clusters, podStart, f.text("provenance"));
    }

    /**
     * Only the clusters of a file in the format of {@code model/clusters.yaml} (names, zones, node pools), for
     * real federations: {@code provenance} and {@code pod_start_ms} may be there but are neither required nor read.
     */
    public static List<Cluster> readClusters(Path file) throws ConfigException {
        Fields f = YamlFile.read(file).fields();
        f.allowOnly("provenance", "clusters", "pod_start_ms");
        return clusters(f);
    }

    private static List<Cluster> clusters(Fields f) throws ConfigException {
        List<Cluster> clusters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Fields c : f.list("clusters")) {
            c.allowOnly("name", "zone", "node_pools", "node_scoring");
            String name = label(c, "name");
            if (!names.add(name)) {
                throw c.error("name", "cluster '" + name + "' is listed twice");
            }
            String zone = c.text("zone");
            if (zone.isBlank()) {
                throw c.error("zone", "must not be blank");
            }
            List<NodePool> pools = new ArrayList<>();
            Set<String> poolNames = new HashSet<>();
            for (Fields p : c.list("node_pools")) {
                p.allowOnly("name", "count", "cpu", "memory_gib", "gpus");
                String pool = label(p, "name");
                if (!poolNames.add(pool)) {
                    throw p.error("name", "node pool '" + pool + "' is listed twice in cluster " + name);
                }
                pools.add(new NodePool(pool, p.integer("count", 0, 100_000),
                        Resources.ofGiB(Math.round(p.number("cpu", 0.001, 4096) * 1000),
                                p.integer("memory_gib", 1, 65_536), p.integer("gpus", 0, 64))));
            }
            if (pools.isEmpty()) {
                throw c.error("node_pools", "a cluster needs at least one node pool");
            }
            clusters.add(new Cluster(name, zone, pools, scoring(c)));
        }
        if (clusters.isEmpty()) {
            throw f.error("clusters", "the federation needs at least one cluster");
        }
        return clusters;
    }

    /** The cluster called {@code name}. */
    public Cluster cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster " + name + " in the model"));
    }

    private static NodeScoring scoring(Fields c) throws ConfigException {
        List<String> names = java.util.Arrays.stream(NodeScoring.values()).map(NodeScoring::wireName).toList();
        String chosen = c.choice("node_scoring", names, NodeScoring.LEAST_ALLOCATED.wireName());
        return java.util.Arrays.stream(NodeScoring.values()).filter(s -> s.wireName().equals(chosen)).findFirst()
                .orElseThrow();
    }

    private static String label(Fields f, String field) throws ConfigException {
        String value = f.text(field);
        if (!LABEL.matcher(value).matches()) {
            throw f.error(field, "must be a DNS-1123 label (lower-case letters, digits and '-', at most 63), was '"
                    + value + "'");
        }
        return value;
    }

    private static LogNormal logNormal(Fields parent, String field) throws ConfigException {
        Fields d = parent.object(field);
        d.allowOnly("log_mean", "log_sd", "min", "max");
        LogNormal l = new LogNormal(d.number("log_mean", -10, 20), d.number("log_sd", 0, 5),
                d.number("min", 0, MAX_MS), d.number("max", 0, MAX_MS));
        if (l.minMs() > l.maxMs()) {
            throw d.error("max", "must not be below min (" + l.minMs() + "), was " + l.maxMs());
        }
        return l;
    }
}
