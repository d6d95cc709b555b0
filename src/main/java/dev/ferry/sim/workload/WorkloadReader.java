package dev.ferry.sim.workload;

import dev.ferry.migrate.MigrationWindow;
import dev.ferry.model.ActivityModel;
import dev.ferry.model.ClusterModel;
import dev.ferry.model.PipModel;
import dev.ferry.model.PopulationModel;
import dev.ferry.model.RestartModel;
import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        return read(file, Map.of());
    }

    /**
     * A workload file with some of its single values set otherwise, as a sweep varies them: each key is a field's
     * path from the top ({@code migration.budgets.max_concurrent}), its value the text the file would give. Every
     * value is checked as if the file said it.
     */
    public static Workload read(Path file, Map<List<String>, String> overrides) throws ConfigException {
        YamlFile yaml = YamlFile.read(file);
        for (Map.Entry<List<String>, String> e : overrides.entrySet()) {
            yaml.with(e.getKey(), e.getValue());
        }
        Fields f = yaml.fields();
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
     * {@code windows} holds cron expressions separated by {@code ;} (absent: any time). {@code faults} is optional
     * (see {@link #faults}); so is {@code pauses}, when operators pause the migration (no new migration starts),
     * e.g. {@code pauses: [{from_hour: 30, hours: 4}]}; {@code leases} (see {@link #leases}); and
     * {@code user_stops_per_day}, how often each user stops their session on the source themselves (0 to 1,000 per
     * session and day; absent: never).
     */
    private static Workload.Migration migration(Fields m, Path dir, double days) throws ConfigException {
        m.allowOnly("strategy", "idle_threshold_minutes", "budgets", "deadline_hour", "notice_hours",
                "rolling_per_hour", "start_hour", "clusters", "faults", "pauses", "leases", "user_stops_per_day");
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
        ClusterModel clusters = ClusterModel.read(clustersFile);
        MigrationFaults faults = m.has("faults") ? faults(m.object("faults"), clusters, hours) : MigrationFaults.NONE;
        List<Workload.Pause> pauses = new ArrayList<>();
        if (m.has("pauses")) {
            for (Fields p : m.list("pauses")) {
                p.allowOnly("from_hour", "hours");
                pauses.add(new Workload.Pause(p.number("from_hour", 0, hours), p.number("hours", 0.001, 100 * hours)));
            }
        }
        return new Workload.Migration(strategy, m.number("idle_threshold_minutes", 0.01, 7 * 24 * 60, 30),
                maxConcurrent, maxPerCluster, teamShare, windows, deadline, m.number("notice_hours", 0, 24 * 30, 8),
                m.number("rolling_per_hour", 0.01, 1_000_000, 60), startHour, clusters, faults, pauses,
                m.has("leases") ? java.util.Optional.of(leases(m.object("leases"))) : java.util.Optional.empty(),
                m.number("user_stops_per_day", 0, 1_000, 0));
    }

    /** {@code leases: {ttl_s: 300, renew_s: 100, margin_s: 60}}: the renewal period is under the TTL. */
    private static Workload.Leases leases(Fields l) throws ConfigException {
        l.allowOnly("ttl_s", "renew_s", "margin_s");
        double ttl = l.number("ttl_s", 1, 86_400, 300);
        double renew = l.number("renew_s", 0.1, 86_400, ttl / 3);
        if (renew >= ttl) {
            throw l.error("renew_s", "must be shorter than ttl_s (" + ttl + ") or every lease lapses, was " + renew);
        }
        return new Workload.Leases(ttl, renew, l.number("margin_s", 0, 86_400, 60));
    }

    /**
     * The {@code faults:} of a migration, e.g.
     * <pre>
     * faults:
     *   api_error_rate: 0.2            # share of Kubernetes API calls answered 500, 503 or 429
     *   outages:                       # an API server unreachable; a zone names all its clusters
     *     - {cluster: k8s-a1, from_hour: 30, hours: 6}
     *     - {zone: zone-b, from_hour: 50, hours: 6, nodes_lost: true}
     *   node_losses_per_cluster_day: 2
     *   node_down_hours: 1
     *   slow_pod_starts: {share: 0.1, factor: 10}
     *   scheduler_restarts: {per_day: 24, down_minutes: 5}   # the scheduler killed (mid-pass too), restarted
     * </pre>
     */
    private static MigrationFaults faults(Fields f, ClusterModel clusters, double hours) throws ConfigException {
        f.allowOnly("api_error_rate", "outages", "node_losses_per_cluster_day", "node_down_hours", "slow_pod_starts",
                "scheduler_restarts");
        List<MigrationFaults.Outage> outages = new ArrayList<>();
        if (f.has("outages")) {
            for (Fields o : f.list("outages")) {
                o.allowOnly("cluster", "zone", "from_hour", "hours", "nodes_lost");
                if (o.has("cluster") == o.has("zone")) {
                    throw o.error(o.has("zone") ? "zone" : "from_hour",
                            "an outage names either a cluster or a zone, not both or neither");
                }
                double from = o.number("from_hour", 0, hours);
                double length = o.number("hours", 0.001, 100 * hours);
                boolean nodesLost = "true".equals(o.choice("nodes_lost", List.of("true", "false"), "false"));
                List<String> names = new ArrayList<>();
                if (o.has("cluster")) {
                    String name = o.text("cluster");
                    if (clusters.clusters().stream().noneMatch(c -> c.name().equals(name))) {
                        throw o.error("cluster", "no cluster '" + name + "' in the cluster model (it has "
                                + clusters.clusters().stream().map(ClusterModel.Cluster::name).toList() + ")");
                    }
                    names.add(name);
                } else {
                    String zone = o.text("zone");
                    clusters.clusters().stream().filter(c -> c.zone().equals(zone))
                            .forEach(c -> names.add(c.name()));
                    if (names.isEmpty()) {
                        throw o.error("zone", "no cluster of the cluster model is in zone '" + zone + "' (zones: "
                                + clusters.clusters().stream().map(ClusterModel.Cluster::zone).distinct().toList()
                                + ")");
                    }
                }
                names.forEach(n -> outages.add(new MigrationFaults.Outage(n, from, length, nodesLost)));
            }
        }
        double slowShare = 0;
        double slowFactor = 1;
        if (f.has("slow_pod_starts")) {
            Fields s = f.object("slow_pod_starts").allowOnly("share", "factor");
            slowShare = s.number("share", 0, 1);
            slowFactor = s.number("factor", 1, 1000);
        }
        MigrationFaults.SchedulerRestarts restarts = MigrationFaults.SchedulerRestarts.NONE;
        if (f.has("scheduler_restarts")) {
            Fields r = f.object("scheduler_restarts").allowOnly("per_day", "down_minutes");
            restarts = new MigrationFaults.SchedulerRestarts(r.number("per_day", 0, 10_000),
                    r.number("down_minutes", 0, 24 * 60));
        }
        return new MigrationFaults(f.number("api_error_rate", 0, 0.9, 0), outages,
                f.number("node_losses_per_cluster_day", 0, 10_000, 0), f.number("node_down_hours", 0.001, 24 * 30, 1),
                slowShare, slowFactor, restarts);
    }

    private static Path model(Path dir, Fields models, String which) throws ConfigException {
        Path path = dir.resolve(models.text(which)).normalize();
        if (!path.toFile().isFile()) {
            throw models.error(which, "no model file at " + path);
        }
        return path;
    }
}
