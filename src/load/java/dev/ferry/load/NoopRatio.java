package dev.ferry.load;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * What an upload costs against the cheapest request the same server answers: {@code load.ratio.users} (100) users
 * on keep-alive connections send back to back, without pause, first {@code GET /healthz} (the no-op) for
 * {@code load.ratio.seconds} (20), then checkpoint uploads of their own sessions for as long. {@link LoadCheck} takes
 * {@code noop_ratio} = uploads answered / no-ops answered: the same users, the same length, the same server, the
 * same run.
 */
public class NoopRatio extends Simulation {

    static final String NOOP = "no-op";
    static final String UPLOAD = "upload at capacity";

    {
        Agents all = AgentsPipStorm.agentsOfThisRun();
        int users = Math.min(Integer.getInteger("load.ratio.users", 100), LoadSettings.agents());
        Duration phase = LoadSettings.seconds("load.ratio.seconds", 20);
        ScenarioBuilder noop = scenario("no-op at capacity")
                .exec(during(phase).on(http(NOOP).get("/healthz")));
        ScenarioBuilder uploads = scenario("uploads at capacity")
                .feed(listFeeder(all.records(users)))
                .exec(AgentChains.startAt(AgentChains.generationBase()))
                .exec(during(phase).on(AgentChains.upload(UPLOAD)));
        setUp(noop.injectOpen(rampUsers(users).during(Duration.ofSeconds(1)))
                .andThen(uploads.injectOpen(rampUsers(users).during(Duration.ofSeconds(1)))))
                .protocols(AgentChains.protocol());
    }

    @Override
    public void after() {
        LoadRun.afterSimulation(getClass());
    }
}
