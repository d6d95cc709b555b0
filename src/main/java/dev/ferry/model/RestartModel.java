package dev.ferry.model;

import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;

/**
 * Why session containers restart (from {@code model/restarts.yaml}): the user restarts the
 * session (the tracker is stopped with SIGTERM and writes a last checkpoint), the kernel kills it
 * for memory (OOM, no warning), or its node is lost (every session on the node, no warning).
 *
 * @param userPerSessionDay  user restarts per session per day (Poisson)
 * @param oomPerSessionDay   OOM kills per session per day (Poisson)
 * @param nodeLossPerNodeDay node losses per node per day (Poisson)
 * @param sessionsPerNode    how many sessions share a node
 * @param downtimeSeconds    how long a restarted session is down before its new container starts, [low, high]
 */
public record RestartModel(double userPerSessionDay, double oomPerSessionDay, double nodeLossPerNodeDay,
                           int sessionsPerNode, double[] downtimeSeconds, String provenance) {

    public static RestartModel read(Path file) throws ConfigException {
        return from(YamlFile.read(file).fields());
    }

    public static RestartModel from(Fields f) throws ConfigException {
        f.allowOnly("provenance", "user_per_session_day", "oom_per_session_day", "node_loss_per_node_day",
                "sessions_per_node", "downtime_seconds");
        return new RestartModel(f.number("user_per_session_day", 0, 100), f.number("oom_per_session_day", 0, 100),
                f.number("node_loss_per_node_day", 0, 100), f.integer("sessions_per_node", 1, 1000),
                f.range("downtime_seconds", 0, 86_400), f.text("provenance"));
    }

    /** The same model with some rates replaced, as a workload's overrides do. */
    public RestartModel with(double user, double oom, double nodeLoss) {
        return new RestartModel(user, oom, nodeLoss, sessionsPerNode, downtimeSeconds, provenance);
    }
}
