package dev.ferry.sim.workload;

import dev.ferry.model.ActivityModel;
import dev.ferry.model.PipModel;
import dev.ferry.model.PopulationModel;
import dev.ferry.model.RestartModel;
import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.model.ClusterModel;
import dev.ferry.sim.migration.Strategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        f.allowOnly("name", "description", "sessions", "days", "start", "models", "overrides", "storm",
                "migration");
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
        Workload.Migration migration = f.has("migration") ? migration(f.object("migration"), dir, days) : null;
        return new Workload(name, f.text("description", ""), sessions, days, start, pip, activity, restarts, population,
                storm, migration);
    }

    /**
     * The {@code migration:} section, e.g.
     * <pre>
     * migration: {strategy: idle-aware, idle_threshold_minutes: 30, start_hour: 8, deadline_hour: 40,
     *             notice_hours: 8, rolling_per_hour: 10, clusters: ../model/clusters.yaml,
     *             budgets: {max_concurrent: 20, max_per_cluster: 10, max_team_share: 0.25,
     *                       windows: "* 0-7,19-23 * * *; * * * * 0,6"}}
     * </pre>
     * {@code windows} holds cron expressions separated by {@code ;} (absent: any time).
     */
    private static Workload.Migration migration(Fields m, Path dir, double days) throws ConfigException {
        m.allowOnly("strategy", "idle_threshold_minutes", "budgets", "deadline_hour", "notice_hours",
                "rolling_per_hour", "start_hour", "clusters");
        Strategy strategy = Strategy.fromLabel(m.choice("strategy", Strategy.labels(), "idle-aware")).orElseThrow();
        double hours = days * 24;
        double startHour = m.number("start_hour", 0, hours, 0);
        double deadline = m.number("deadline_hour", 0, 100 * hours, hours);
        if (deadline < startHour) {
            throw m.error("deadline_hour", "must not be before start_hour (" + startHour + "), was " + deadline);
        }
        int maxConcurrent = 50;
        int maxPerCluster = 25;
        double teamShare = 0.25;
        List<String> windows = new ArrayList<>();
        if (m.has("budgets")) {
            Fields b = m.object("budgets").allowOnly("max_concurrent", "max_per_cluster", "max_team_share", "windows");
            maxConcurrent = b.integer("max_concurrent", 1, 1_000_000, maxConcurrent);
            maxPerCluster = b.integer("max_per_cluster", 1, 1_000_000, maxPerCluster);
            teamShare = b.number("max_team_share", 0.001, 1, teamShare);
            if (b.has("windows")) {
                for (String expression : b.text("windows").split(";")) {
                    try {
                        windows.add(MigrationWindow.parse(expression.trim()).expression());
                    } catch (IllegalArgumentException e) {
                        throw b.error("windows", "'" + expression.trim() + "' is not a cron window: " + e.getMessage());
                    }
                }
            }
        }
        Path clustersFile = dir.resolve(m.text("clusters", "../model/clusters.yaml")).normalize();
        if (!clustersFile.toFile().isFile()) {
            throw m.error("clusters", "no cluster model file at " + clustersFile);
        }
        return new Workload.Migration(strategy, m.number("idle_threshold_minutes", 0.01, 7 * 24 * 60, 30),
                maxConcurrent, maxPerCluster, teamShare, windows, deadline, m.number("notice_hours", 0, 24 * 30, 8),
                m.number("rolling_per_hour", 0.01, 1_000_000, 60), startHour, ClusterModel.read(clustersFile));
    }

    private static Path model(Path dir, Fields models, String which) throws ConfigException {
        Path path = dir.resolve(models.text(which)).normalize();
        if (!path.toFile().isFile()) {
            throw models.error(which, "no model file at " + path);
        }
        return path;
    }
}
