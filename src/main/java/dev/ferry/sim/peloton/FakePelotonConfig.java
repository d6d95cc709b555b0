package dev.ferry.sim.peloton;

import java.time.Duration;
import java.util.Objects;

/**
 * Step latencies and the share of API calls that fail.
 *
 * @param killingToKilled KILLING → KILLED (the kill grace period and teardown)
 * @param pendingToLaunched PENDING → LAUNCHED (resource allocation and placement)
 * @param launchedToStarting LAUNCHED → STARTING (handing the task to the Mesos agent)
 * @param startingToRunning STARTING → RUNNING (image pull, container start)
 * @param apiFailureRate probability in [0, 1] that an API call fails with a retryable error
 */
public record FakePelotonConfig(Latency killingToKilled, Latency pendingToLaunched, Latency launchedToStarting,
        Latency startingToRunning, double apiFailureRate) {

    public FakePelotonConfig {
        Objects.requireNonNull(killingToKilled, "killingToKilled");
        Objects.requireNonNull(pendingToLaunched, "pendingToLaunched");
        Objects.requireNonNull(launchedToStarting, "launchedToStarting");
        Objects.requireNonNull(startingToRunning, "startingToRunning");
        FakePeloton.checkRate(apiFailureRate);
    }

    /** Fixed latencies and no API faults. */
    public static FakePelotonConfig fixed(Duration killingToKilled, Duration pendingToLaunched, Duration launchedToStarting,
            Duration startingToRunning) {
        return new FakePelotonConfig(Latency.fixed(killingToKilled), Latency.fixed(pendingToLaunched),
                Latency.fixed(launchedToStarting), Latency.fixed(startingToRunning), 0);
    }

    public FakePelotonConfig withApiFailureRate(double rate) {
        return new FakePelotonConfig(killingToKilled, pendingToLaunched, launchedToStarting, startingToRunning, rate);
    }
}
