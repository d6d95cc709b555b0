package dev.ferry.cli;

import dev.ferry.api.client.ControlPlaneAddress;
import dev.ferry.api.client.ControlPlaneException;
import dev.ferry.api.client.HttpCheckpointSignals;
import dev.ferry.api.client.HttpLeases;
import dev.ferry.cluster.kube.KubeApiException;
import dev.ferry.cluster.kube.KubeCluster;
import dev.ferry.cluster.kube.KubeconfigException;
import dev.ferry.cluster.kube.KubeconfigFederation;
import dev.ferry.migrate.reconcile.CheckpointSignals;
import dev.ferry.migrate.reconcile.LeaseReadings;
import dev.ferry.migrate.reconcile.MigrationPolicy;
import dev.ferry.migrate.reconcile.Observation;
import dev.ferry.migrate.reconcile.Observer;
import dev.ferry.migrate.reconcile.Plan;
import dev.ferry.migrate.reconcile.Reconciler;
import dev.ferry.migrate.reconcile.SourceOrchestratorException;
import dev.ferry.model.ClusterModel;
import dev.ferry.model.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry migrate plan}: one pass of the migration scheduler's observer and {@link Reconciler#decide}
 * against real clusters, printed instead of executed. It only reads: the clusters are listed (Jobs and pods of
 * the namespace), Peloton comes from an export file, and nothing is created, patched, deleted, stopped or started.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Prints what the migration scheduler would do now, changing nothing.",
            "",
            "Lists the session Jobs and pods on every cluster (GET requests only),",
            "reads the Peloton sessions from an export file, and runs the",
            "scheduler's own decision (Observer + Reconciler) on them. Nothing is",
            "created, patched or deleted, and no Peloton job is stopped or started.",
            "",
            "--clusters: the format of model/clusters.yaml (pod_start_ms, node_scoring",
            "  and provenance are ignored): clusters: [{name, zone, node_pools: [{name,",
            "  count, cpu, memory_gib, gpus}]}]. Each name is a kubeconfig context.",
            "--sessions: YAML or JSON, an export of Peloton's session jobs:",
            "  defaults: {kind, image, nfs_server, nfs_path}   (optional)",
            "  sessions:",
            "    - job_id (the session id), owner, owning_team, zone,",
            "      resources: {cpu, memory_mb, disk_mb, gpu},",
            "      state (Peloton task state: RUNNING, KILLED...), run_id,",
            "      last_activity (ISO-8601 instant; none: never active),",
            "      checkpoint: {generation, written_at, install_in_progress,",
            "                   restored_generation},",
            "      kind, image, nfs_server, nfs_path (override the defaults;",
            "      '{owner}' in nfs_path becomes the owner)",
            "--control-plane URL --token-file FILE (an admin token): read each",
            "  session's checkpoint signals and its tracker's activity from the",
            "  control plane (GET /v1/sessions/{id}) instead of the export's",
            "  checkpoint entries, which are then ignored; and each session's lease",
            "  (GET /v1/sessions/{id}/lease), so that the plan shows the leases and,",
            "  for a cluster that cannot be read, what the scheduler's takeover rule",
            "  would start elsewhere once a lease expired plus the 60 s margin.",
            "A cluster that cannot be read: the plan of what can be seen is still",
            "  printed (as the scheduler would act), then one line names the cluster",
            "  and the exit status is 1.",
            "",
            "As in the simulation: start timeout 20 min, verify timeout 10 min,",
            "retry backoff 60 min, poll 30 s, longest sleep 60 min. Budget defaults",
            "are those of workloads/dsw-3500-migration.yaml.",
            "Exit codes: 0 planned; 2 bad input (files, options, contexts, a token",
            "the control plane refuses); 1 a cluster or the control plane could",
            "not be read.",
            ""
        })
final class MigratePlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", required = true, paramLabel = "FILE",
            description = "A kubeconfig with one context per cluster of --clusters, named like it.")
    Path kubeconfig;

    @Option(names = "--clusters", required = true, paramLabel = "FILE",
            description = "The federation: cluster names, zones and capacity (format of model/clusters.yaml).")
    Path clusters;

    @Option(names = "--sessions", required = true, paramLabel = "FILE",
            description = "An export of Peloton's session jobs with last activity and checkpoint signals (YAML or JSON).")
    Path sessions;

    @Mixin
    ControlPlaneOptions controlPlane = new ControlPlaneOptions();

    @Option(names = "--namespace", defaultValue = "ferry-sessions", paramLabel = "NAME",
            description = "The namespace of session Jobs on every cluster (default: ${DEFAULT-VALUE}); the contexts' namespaces are not used.")
    String namespace;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "The instant to plan for, e.g. 2026-11-30T18:00:00Z (default: the system clock).")
    String now;

    @Option(names = "--idle-threshold", defaultValue = "30", paramLabel = "MINUTES",
            description = "A user idle this long may be migrated (default: ${DEFAULT-VALUE}).")
    double idleThresholdMinutes;

    @Option(names = "--deadline", paramLabel = "INSTANT",
            description = "From this instant every session is migrated, idle or not (default: none, idle sessions only).")
    String deadline;

    @Option(names = "--notice-hours", defaultValue = "24", paramLabel = "HOURS",
            description = "Users who are not idle are notified this long before the deadline (default: ${DEFAULT-VALUE}).")
    double noticeHours;

    @Option(names = "--max-concurrent", defaultValue = "100", paramLabel = "N",
            description = "Migrations in flight at once, over all clusters (default: ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(names = "--max-per-cluster", defaultValue = "40", paramLabel = "N",
            description = "Migrations in flight at once onto one cluster (default: ${DEFAULT-VALUE}).")
    int maxPerCluster;

    @Option(names = "--max-team-share", defaultValue = "0.25", paramLabel = "SHARE",
            description = "Largest share of a team's sessions migrating at once, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double maxTeamShare;

    @Option(names = "--window", paramLabel = "CRON",
            description = "When migrations may start, a five-field cron expression in UTC, e.g. '* 18-23,0-6 * * 1-5';"
                    + " repeat for several (default: any time).")
    List<String> windows = new ArrayList<>();

    @Option(names = "--json", description = "Print the plan as one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        long nowMillis = now == null ? Instant.now().toEpochMilli() : PlanPolicy.instant("--now", now);
        MigrationPolicy policy = PlanPolicy.of(idleThresholdMinutes, noticeHours, deadline, maxConcurrent,
                maxPerCluster, maxTeamShare, windows);
        if (!KubeCluster.isNamespace(namespace)) {
            throw new UserError("--namespace '" + namespace + "' is not a Kubernetes namespace name ("
                    + KubeCluster.NAMESPACE_RULE + ")", 2);
        }
        List<ClusterModel.Cluster> federation = readClusters();
        SessionsExport export = readSessions();
        ControlPlaneAddress address = controlPlane.address();
        CheckpointSignals signals = address == null ? export.signals()
                : new HttpCheckpointSignals(ControlPlaneOptions.client(), address);
        LeaseReadings leases = address == null ? LeaseReadings.NONE
                : new LeaseReadings(new HttpLeases(ControlPlaneOptions.client(), address),
                        LeaseReadings.STANDARD_MARGIN_MILLIS);
        requireFile("--kubeconfig", kubeconfig, "a kubeconfig with one context per cluster of " + clusters);
        try (KubeconfigFederation kube = connect(federation)) {
            Observation observation = observe(new Observer(export.peloton(), kube.targets(), signals,
                    export.sessionSpecs()), leases, kube);
            Plan plan = Reconciler.decide(observation, policy, nowMillis);
            PlanReport report = new PlanReport(observation, plan, policy, nowMillis, namespace,
                    leases != LeaseReadings.NONE);
            spec.commandLine().getOut().print(json ? report.json() : report.table());
            spec.commandLine().getOut().flush();
            for (String cluster : observation.unreachable()) {
                // the observer kept going without it and the plan above is what the scheduler would do with that
                // view; ask once more for the reason (a read) and end with exit 1
                try {
                    kube.targets().jobs(cluster);
                } catch (KubeApiException e) {
                    throw new UserError(clusterError(e, kube).getMessage() + "; the plan above is of what could"
                            + " be read", 1);
                }
                throw new UserError("cluster " + cluster + " (context " + cluster + ", " + kube.server(cluster)
                        + ") could not be read during the observation; the plan above is of what could be read;"
                        + " try again", 1);
            }
            return 0;
        }
    }

    /** The clusters through the kubeconfig's contexts; a bad kubeconfig or cluster name is the user's to fix. */
    private KubeconfigFederation connect(List<ClusterModel.Cluster> federation) {
        try {
            return KubeconfigFederation.connect(kubeconfig,
                    federation.stream().map(ClusterModel.Cluster::target).toList(), namespace);
        } catch (KubeconfigException e) {
            if (e.missingContext().isEmpty()) {
                throw new UserError(oneLine("--kubeconfig " + kubeconfig + ": not a usable kubeconfig ("
                        + rootMessage(e.getCause()) + ")"), 2);
            }
            // "kubeconfig FILE has no context 'x' (it has: ...)": the option as typed, and what to change
            throw new UserError("--" + e.getMessage() + "; every cluster name in " + clusters
                    + " must be a context name of the kubeconfig", 2);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private Observation observe(Observer observer, LeaseReadings leases, KubeconfigFederation kube) {
        try {
            return leases.attach(observer.observe());
        } catch (KubeApiException e) {
            throw clusterError(e, kube);
        } catch (ControlPlaneException e) {
            throw new UserError(oneLine(e.getMessage() + (e.tokenRefused() ? "; --token-file must hold an admin token"
                    : "; check that the control plane is up and reachable")), e.tokenRefused() ? 2 : 1);
        } catch (SourceOrchestratorException e) {
            throw new IllegalStateException("the export answers every job it lists", e);
        }
    }

    private UserError clusterError(KubeApiException e, KubeconfigFederation kube) {
        return new UserError(oneLine("cluster " + e.cluster() + " (context " + e.cluster() + ", "
                + kube.server(e.cluster()) + "): " + e.operation() + " in namespace " + namespace + " failed"
                + (e.code() == KubeApiException.NO_RESPONSE ? " without an answer" : " with HTTP " + e.code())
                + ": " + rootMessage(e) + "; check that the cluster is reachable and that the kubeconfig's"
                + " credentials may list Jobs and pods there"), 1);
    }

    private List<ClusterModel.Cluster> readClusters() {
        requireFile("--clusters", clusters, "the federation, in the format of model/clusters.yaml");
        try {
            return ClusterModel.readClusters(clusters);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private SessionsExport readSessions() {
        requireFile("--sessions", sessions, "an export of Peloton's session jobs (format: ferry migrate plan --help)");
        try {
            return SessionsExport.read(sessions);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private static void requireFile(String option, Path file, String what) {
        if (!Files.exists(file)) {
            throw new UserError(option + " " + file + ": no such file; give " + what, 2);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError(option + " " + file + ": not a readable file; give " + what, 2);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : message + " [" + root.getClass().getSimpleName() + "]";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
