package dev.ferry.load;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * 3,500 session agents (closed model: each a virtual user on its own keep-alive connection, looping once per pip
 * command with a {@code pace}), each with its own session token, uploading checkpoints in the bursts of
 * {@link PipBursts} together at {@code load.storm.uploadsPerSecond} (5,500), plus their install and activity reports.
 * The gate: uploads at 5,000/s or more, p99 of every request at most 20 ms, no failed request.
 *
 * <p>Reads {@code load.port}, {@code load.dir}, {@code load.agents} (3,500), {@code load.storm.seconds} (60 s after a
 * {@code load.ramp.seconds} ramp of 10 s).
 */
public class AgentsPipStorm extends Simulation {

    static final double STORM_UPLOADS_TARGET = 5_000;

    /** The loop period per agent that makes the agents together offer {@code uploadsPerSecond}. */
    static Duration stormPace(int agents, int uploadsPerSecond) {
        return Duration.ofNanos(Math.round(agents * PipBursts.meanUploadsPerCommand() / uploadsPerSecond * 1e9));
    }

    static ScenarioBuilder agents(String name, Agents all, int count, Duration loopFor, Duration pace) {
        return scenario(name)
                .feed(listFeeder(all.records(count)))
                .exec(AgentChains.startAt(AgentChains.generationBase()))
                .exec(during(loopFor).on(pace(pace).exec(AgentChains.pipCommand())));
    }

    static Agents agentsOfThisRun() {
        try {
            return Agents.read(LoadSettings.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    {
        int count = LoadSettings.agents();
        Duration ramp = LoadSettings.ramp();
        Duration steady = LoadSettings.stormLoop();
        Duration pace = stormPace(count, LoadSettings.stormUploadsPerSecond());
        setUp(agents("agents", agentsOfThisRun(), count, steady, pace).injectOpen(rampUsers(count).during(ramp)))
                .protocols(AgentChains.protocol())
                // the gates are judged by LoadCheck over the seconds every agent runs (Gates.storm); Gatling's own
                // assertions see only the whole run, ramp included, so they stay here as its console's view of it
                .assertions(
                        global().responseTime().percentile(99.0).lte(20),
                        global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        LoadRun.afterSimulation(getClass());
    }
}
