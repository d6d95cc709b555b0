package dev.ferry.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a load run is given, as system properties (the {@code load} profile sets them): where the server listens,
 * where the set-up wrote the tokens, and how many agents for how long. Each simulation's Javadoc says which it reads.
 */
final class LoadSettings {

    private LoadSettings() {
    }

    /** {@code http://127.0.0.1:PORT}: the server under test, always on loopback. */
    static String baseUrl() {
        return "http://127.0.0.1:" + required("load.port");
    }

    /** The folder of the tokens, the agents' list and what the agents acknowledged. */
    static Path dir() {
        return Path.of(required("load.dir"));
    }

    static int agents() {
        return Integer.getInteger("load.agents", 3_500);
    }

    /** How long the agents of a simulation take to arrive ({@code load.ramp.seconds}, 10 s). */
    static Duration ramp() {
        return seconds("load.ramp.seconds", 10);
    }

    /** How long each storm agent loops from its arrival ({@code load.storm.seconds}, 60 s). */
    static Duration stormLoop() {
        return seconds("load.storm.seconds", 60);
    }

    /** How long each agent and operator of the dashboard's run loops from its arrival ({@code load.dashboard.seconds}, 30 s). */
    static Duration dashboardLoop() {
        return seconds("load.dashboard.seconds", 30);
    }

    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(Integer.getInteger(name, fallback));
    }

    /** Uploads per second the storm's agents offer together, the gate's target plus a margin. */
    static int stormUploadsPerSecond() {
        return Integer.getInteger("load.storm.uploadsPerSecond", 5_500);
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the simulations through"
                    + " mvn -Pload verify, which sets it");
        }
        return value;
    }
}
