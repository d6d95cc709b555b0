package dev.ferry.sim.kube;

import dev.ferry.model.ClusterModel;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long the fake kubelet's pods take from bound to Running: the model's scheduling + image pull + NFS mount
 * latency, stretched for a share of the starts while slow starts are on. The only user of the kubelet's random
 * generator.
 */
final class StartLatency {

    private final ClusterModel.PodStart podStart;
    private final RandomGenerator random;
    private double slowStartShare;
    private double slowStartFactor = 1;

    StartLatency(ClusterModel.PodStart podStart, RandomGenerator random) {
        this.podStart = Objects.requireNonNull(podStart, "podStart");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** See {@link FakeKubelet#setSlowStarts}. */
    void setSlowStarts(double share, double factor) {
        if (!(share >= 0 && share <= 1) || !(factor >= 1)) {
            throw new IllegalArgumentException("slow starts: share in [0, 1] and factor >= 1, got " + share + " and "
                    + factor);
        }
        slowStartShare = share;
        slowStartFactor = factor;
    }

    /** Draws the latency of one start, in nanoseconds: one draw, and a second while slow starts are on. */
    long sampleNanos() {
        long latency = podStart.sample(random).totalNanos();
        if (slowStartShare > 0 && random.nextDouble() < slowStartShare) {
            latency = Math.round(latency * slowStartFactor);
        }
        return latency;
    }
}
