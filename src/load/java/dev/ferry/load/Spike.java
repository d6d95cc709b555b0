package dev.ferry.load;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The storm's 3,500 agents at ten times its rate for a minute: the server must shed what exceeds its concurrency
 * limit with 429 and {@code Retry-After} (the agents wait as told), and answer what it accepts quickly. In Gatling's
 * figures a 429 is a failed request; {@link LoadCheck} gates this run: at least one 429, no failure but 429s, and the
 * accepted requests' p99 at most 50 ms.
 *
 * <p>Reads {@code load.port}, {@code load.dir}, {@code load.agents} (3,500), {@code load.spike.seconds} (60).
 */
public class Spike extends Simulation {

    {
        int count = LoadSettings.agents();
        Duration pace = AgentsPipStorm.stormPace(count, 10 * LoadSettings.stormUploadsPerSecond());
        Duration minute = LoadSettings.seconds("load.spike.seconds", 60);
        setUp(AgentsPipStorm.agents("agents at ten times the storm", AgentsPipStorm.agentsOfThisRun(), count, minute,
                pace).injectOpen(rampUsers(count).during(Duration.ofSeconds(2))))
                .protocols(AgentChains.protocol());
    }

    @Override
    public void after() {
        LoadRun.afterSimulation(getClass());
    }
}
