package dev.ferry.load;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Operators watching the migration while the agents storm: {@code load.operators} (20) dashboards, each once a
 * second reading the progress ({@code GET /v1/migration}) and five sessions ({@code GET /v1/sessions/{id}}) with the
 * admin token (a session that has not reported yet is answered 404, which counts as an answer), beside the storm's
 * agents at the storm's rate. The gate, judged like the storm's while every agent runs ({@link LoadCheck}): no failed
 * request, every request's p99 at most 50 ms.
 *
 * <p>Reads {@code load.port}, {@code load.dir}, {@code load.agents}, {@code load.operators}, {@code load.dashboard.seconds}
 * (30).
 */
public class OperatorsDashboard extends Simulation {

    static final String PROGRESS = "migration progress";
    static final String SESSION = "session read";

    {
        Agents all = AgentsPipStorm.agentsOfThisRun();
        int count = LoadSettings.agents();
        int operators = Integer.getInteger("load.operators", 20);
        Duration steady = LoadSettings.dashboardLoop();
        ScenarioBuilder dashboards = scenario("operators")
                .exec(session -> session.set("token", all.adminToken()))
                .exec(during(steady).on(pace(Duration.ofSeconds(1))
                        .exec(http(PROGRESS).get("/v1/migration").header("Authorization", "Bearer #{token}")
                                .check(jsonPath("$").exists()))
                        .exec(repeat(5).on(exec(session -> session.set("read",
                                Agents.sessionId(ThreadLocalRandom.current().nextInt(count))))
                                .exec(http(SESSION).get("/v1/sessions/#{read}")
                                        .header("Authorization", "Bearer #{token}")
                                        // 404: the control plane has heard nothing from that session yet, an answer
                                        .check(status().in(200, 404)))))));
        Duration pace = AgentsPipStorm.stormPace(count, LoadSettings.stormUploadsPerSecond());
        setUp(dashboards.injectOpen(rampUsers(operators).during(Duration.ofSeconds(5))),
                AgentsPipStorm.agents("agents", all, count, steady, pace)
                        .injectOpen(rampUsers(count).during(LoadSettings.ramp())))
                .protocols(AgentChains.protocol())
                // assertions see only the whole run, ramp included, so they stay here as its console's view of it
                .assertions(
                        global().failedRequests().count().is(0L),
                        forAll().responseTime().percentile(99.0).lte(50));
    }

    @Override
    public void after() {
        LoadRun.afterSimulation(getClass());
    }
}
