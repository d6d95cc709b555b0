package dev.ferry.sim.migration;

import dev.ferry.des.Kernel;
import dev.ferry.sim.kube.FakeKubelet;
import dev.ferry.sim.kube.NodeView;
import dev.ferry.sim.kube.SimulatedApiServer;
import dev.ferry.sim.workload.MigrationFaults;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Puts a workload's {@link MigrationFaults} on the kernel's event list: API error rates and slow starts from the
 * beginning, each outage's start and end, and node losses as a Poisson process per cluster from the migration's
 * start to the horizon. Every time and node is drawn up front from one seeded generator, so the faults are the
 * same for every strategy on the same seed; each is told to {@code record} as it is scheduled.
 */
final class FaultSchedule {

    private static final double HOUR = 3_600e9;

    private FaultSchedule() {
    }

    static void schedule(MigrationFaults faults, MockFederation federation, Kernel kernel, SplittableRandom random,
            long fromNanos, long horizonNanos, Consumer<MigrationHistory.Fault> record) {
        for (int k = 0; k < federation.size(); k++) {
            federation.apiServer(k).setErrorRate(faults.apiErrorRate());
            if (faults.slowStartShare() > 0) {
                federation.kubelet(k).setSlowStarts(faults.slowStartShare(), faults.slowStartFactor());
            }
        }
        for (MigrationFaults.Outage o : faults.outages()) {
            int k = federation.indexOf(o.cluster());
            SimulatedApiServer api = federation.apiServer(k);
            FakeKubelet kubelet = federation.kubelet(k);
            long from = Math.round(o.fromHour() * HOUR);
            long length = Math.max(1, Math.round(o.hours() * HOUR));
            long at = Math.max(from, kernel.nanos());
            record.accept(new MigrationHistory.Fault(o.cluster(), "", at, at + length));
            if (o.nodesLost()) {
                for (NodeView n : kubelet.nodes()) {
                    record.accept(new MigrationHistory.Fault(o.cluster(), n.name(), at, at + length));
                }
            }
            kernel.schedule(Math.max(from, kernel.nanos()), () -> {
                api.setDown(true);
                if (o.nodesLost()) {
                    for (NodeView n : kubelet.nodes()) {
                        kubelet.loseNode(n.name(), length);
                    }
                }
            });
            kernel.schedule(Math.max(from, kernel.nanos()) + length, () -> api.setDown(false));
        }
        if (faults.nodeLossesPerClusterDay() > 0) {
            double meanGapNanos = 24 * HOUR / faults.nodeLossesPerClusterDay();
            long down = Math.max(1, Math.round(faults.nodeDownHours() * HOUR));
            for (int k = 0; k < federation.size(); k++) {
                FakeKubelet kubelet = federation.kubelet(k);
                String cluster = kubelet.cluster();
                List<NodeView> nodes = kubelet.nodes();
                double t = Math.max(fromNanos, kernel.nanos());
                while (true) {
                    t += -Math.log(1 - random.nextDouble()) * meanGapNanos;
                    if (t >= horizonNanos) {
                        break;
                    }
                    String node = nodes.get(random.nextInt(nodes.size())).name();
                    kernel.schedule((long) t, () -> kubelet.loseNode(node, down));
                    record.accept(new MigrationHistory.Fault(cluster, node, (long) t, (long) t + down));
                }
            }
        }
    }
}
