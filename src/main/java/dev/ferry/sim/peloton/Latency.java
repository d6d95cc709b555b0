package dev.ferry.sim.peloton;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a step of a task's life takes, drawn from the simulation's random generator so a run is
 * determined by its seed. {@link #fixed(Duration)} draws nothing from the generator.
 */
@FunctionalInterface
public interface Latency {

    /** One sample in nanoseconds, never negative. */
    long sampleNanos(RandomGenerator random);

    /** Always {@code duration}. */
    static Latency fixed(Duration duration) {
        long nanos = nonNegative(duration, "duration");
        return random -> nanos;
    }

    /** Uniform on {@code [min, max]}. */
    static Latency uniform(Duration min, Duration max) {
        long lo = nonNegative(min, "min");
        long hi = nonNegative(max, "max");
        if (hi < lo) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        return hi == lo ? random -> lo : random -> random.nextLong(lo, hi + 1);
    }

    /** Exponential with the given mean, like the gap between independent arrivals. */
    static Latency exponential(Duration mean) {
        long m = nonNegative(mean, "mean");
        return random -> Math.round(random.nextExponential() * m);
    }

    /** Log-normal with the given median and shape {@code sigma}: a long right tail, like slow starts. */
    static Latency logNormal(Duration median, double sigma) {
        long m = nonNegative(median, "median");
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be non-negative: " + sigma);
        }
        return random -> Math.round(m * Math.exp(sigma * random.nextGaussian()));
    }

    private static long nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        return d.toNanos();
    }
}
