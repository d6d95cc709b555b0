package dev.ferry.sim.workload;

import dev.ferry.model.ActivityModel;
import dev.ferry.model.PipModel;
import dev.ferry.model.PopulationModel;
import dev.ferry.model.RestartModel;
import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Reads a workload file and the model files it names (paths relative to the workload file),
 * checking every field before anything runs. For example:
 * <pre>
 * name: dsw-3500
 * sessions: 3500
 * days: 7
 * start: 2026-11-30T00:00:00Z
 * models: {pip: ../model/pip.yaml, activity: ../model/activity.yaml,
 *          restarts: ../model/restarts.yaml, population: ../model/population.yaml}
 * overrides: {operations_per_active_hour: 0.5, restarts: {oom_per_session_day: 0.02}}
 * storm: {at_hour: 33, share: 0.8, spread_minutes: 30, upgrades: 5}
 * </pre>
 */
public final class WorkloadReader {

    private WorkloadReader() {
    }

    public static Workload read(Path file) throws ConfigException {
        Fields f = YamlFile.read(file).fields();
        f.allowOnly("name", "description", "sessions", "days", "start", "models", "overrides", "storm");
        String name = f.text("name");
        int sessions = f.integer("sessions", 1, 100_000);
        double days = f.number("days", 0.01, 365);
        Instant start;
        try {
            start = Instant.parse(f.text("start"));
        } catch (DateTimeException e) {
            throw f.error("start", "must be a UTC time like 2026-11-30T00:00:00Z, was '" + f.text("start") + "'");
        }
        Workload.Storm storm = null;
        if (f.has("storm")) {
            Fields s = f.object("storm").allowOnly("at_hour", "share", "spread_minutes", "upgrades");
            storm = new Workload.Storm(s.number("at_hour", 0, days * 24), s.number("share", 0, 1),
                    s.number("spread_minutes", 0, 24 * 60), s.integer("upgrades", 1, 100));
        }
        Double rate = null;
        Fields restartOverrides = null;
        if (f.has("overrides")) {
            Fields o = f.object("overrides").allowOnly("operations_per_active_hour", "restarts");
            rate = o.has("operations_per_active_hour") ? o.number("operations_per_active_hour", 0, 1000) : null;
            if (o.has("restarts")) {
                restartOverrides = o.object("restarts").allowOnly("user_per_session_day", "oom_per_session_day",
                        "node_loss_per_node_day");
                for (String field : new String[] {"user_per_session_day", "oom_per_session_day", "node_loss_per_node_day"}) {
                    restartOverrides.number(field, 0, 100, 0);
                }
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Fields models = f.object("models").allowOnly("pip", "activity", "restarts", "population");
        Path pipFile = model(dir, models, "pip");
        Path activityFile = model(dir, models, "activity");
        Path restartsFile = model(dir, models, "restarts");
        Path populationFile = model(dir, models, "population");
        PipModel pip = PipModel.read(pipFile);
        ActivityModel activity = ActivityModel.read(activityFile);
        RestartModel restarts = RestartModel.read(restartsFile);
        PopulationModel population = PopulationModel.read(populationFile);
        if (rate != null) {
            pip = pip.withRate(rate);
        }
        if (restartOverrides != null) {
            Fields r = restartOverrides;
            restarts = restarts.with(r.number("user_per_session_day", 0, 100, restarts.userPerSessionDay()),
                    r.number("oom_per_session_day", 0, 100, restarts.oomPerSessionDay()),
                    r.number("node_loss_per_node_day", 0, 100, restarts.nodeLossPerNodeDay()));
        }
        return new Workload(name, f.text("description", ""), sessions, days, start, pip, activity, restarts, population,
                storm);
    }

    private static Path model(Path dir, Fields models, String which) throws ConfigException {
        Path path = dir.resolve(models.text(which)).normalize();
        if (!path.toFile().isFile()) {
            throw models.error(which, "no model file at " + path);
        }
        return path;
    }
}
