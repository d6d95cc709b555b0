package dev.ferry.sim.kube;

import dev.ferry.migrate.Resources;
import dev.ferry.model.ClusterModel;
import dev.ferry.model.NodeScoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of one simulated cluster and the fake kube-scheduler's part: placement by the cluster's
 * {@link NodeScoring} with tainted GPU nodes, and the capacity each placed pod reserves.
 */
final class ClusterNodes {

    private final List<SimulatedNode> nodes = new ArrayList<>();
    private final Map<String, SimulatedNode> byName = new LinkedHashMap<>();
    private final NodeScoring scoring;

    ClusterNodes(ClusterModel.Cluster model) {
        this.scoring = model.scoring();
        for (ClusterModel.NodePool pool : model.nodePools()) {
            for (int i = 0; i < pool.count(); i++) {
                SimulatedNode n = new SimulatedNode(String.format("%s-%s-%03d", model.name(), pool.name(), i),
                        pool.name(), pool.perNode());
                nodes.add(n);
                byName.put(n.name, n);
            }
        }
    }

    /** In the model's order: pools in file order, then index. */
    List<SimulatedNode> all() {
        return nodes;
    }

    SimulatedNode byName(String name) {
        return byName.get(name);
    }

    /**
     * Among the nodes that are up and fit {@code request}, the one that leaves the most CPU and memory free (sum of
     * the free fractions) when least allocated, the least when most allocated; ties go to the first in model
     * order; null if none fits.
     */
    SimulatedNode choose(Resources request) {
        boolean wantsGpu = request.gpus() > 0;
        SimulatedNode best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SimulatedNode n : nodes) {
            if (!n.up || n.gpuNode() != wantsGpu || !request.fitsIn(n.free())) {
                continue;
            }
            double left = fraction(n.free().milliCpu() - request.milliCpu(), n.allocatable.milliCpu())
                    + fraction(n.free().memoryMiB() - request.memoryMiB(), n.allocatable.memoryMiB());
            double score = scoring == NodeScoring.MOST_ALLOCATED ? -left : left;
            if (score > bestScore) {
                best = n;
                bestScore = score;
            }
        }
        return best;
    }

    String unschedulableMessage(Resources request) {
        long up = nodes.stream().filter(n -> n.up).count();
        return "0/" + nodes.size() + " nodes are available (" + up + " up): none has " + request.milliCpu()
                + "m cpu, " + Resources.memoryText(request.memoryMiB()) + " memory and " + request.gpus() + " GPUs free"
                + (request.gpus() > 0 ? " on a GPU node" : " on a node without GPU taint");
    }

    void reserve(TrackedPod t, SimulatedNode node) {
        t.node = node;
        node.cpuUsed += t.request.milliCpu();
        node.memoryUsed += t.request.memoryMiB();
        node.gpusUsed += t.request.gpus();
        node.pods++;
        t.reserved = true;
    }

    void release(TrackedPod t) {
        if (t.reserved) {
            t.node.cpuUsed -= t.request.milliCpu();
            t.node.memoryUsed -= t.request.memoryMiB();
            t.node.gpusUsed -= t.request.gpus();
            t.node.pods--;
            t.reserved = false;
        }
    }

    private static double fraction(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static NodeView view(SimulatedNode n) {
        return new NodeView(n.name, n.pool, n.allocatable, n.up ? n.free() : Resources.NONE, n.up, n.pods);
    }
}
