package dev.ferry.cli;

import dev.ferry.cluster.peloton.ExportedPeloton;
import dev.ferry.cluster.peloton.PelotonSource;
import dev.ferry.cluster.peloton.Resources;
import dev.ferry.cluster.peloton.SessionJob;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.cluster.peloton.TaskStatus;
import dev.ferry.migrate.InvalidSessionSpecException;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.reconcile.CheckpointSignals;
import dev.ferry.migrate.reconcile.CheckpointStatus;
import dev.ferry.migrate.reconcile.SessionSpecs;
import dev.ferry.migrate.reconcile.SourceOrchestrator;
import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An export of Peloton's session jobs (YAML, or JSON, which is YAML too), validated completely on reading: every
 * error names the file, the line and the field. It gives the three inputs of the scheduler's observer that do not
 * come from Kubernetes: the source jobs with their users' last activity ({@link ExportedPeloton}, read-only), the
 * trackers' checkpoint signals, and what each session runs on Kubernetes. The format is in README.md
 * ("Planning against real clusters"); the session id on Kubernetes is the Peloton job id.
 */
record SessionsExport(ExportedPeloton exported, Map<String, CheckpointStatus> checkpoints,
        Map<String, SessionSpec> specs) {

    private static final List<String> KINDS = Arrays.stream(SessionKind.values()).map(SessionKind::label).toList();
    private static final List<String> BOOLEANS = List.of("true", "false");
    private static final String[] SPEC_FIELDS = {"kind", "image", "nfs_server", "nfs_path"};

    SessionsExport {
        checkpoints = Map.copyOf(checkpoints);
        specs = Map.copyOf(specs);
    }

    /** The exported jobs as the scheduler's source orchestrator (read-only). */
    SourceOrchestrator peloton() {
        return new PelotonSource(exported);
    }

    /** The checkpoint signals, as the control plane would report them. */
    CheckpointSignals signals() {
        return sessionId -> Optional.ofNullable(checkpoints.get(sessionId));
    }

    /** Each job's Kubernetes spec (checkpoint generation 0), built and checked on reading. */
    SessionSpecs sessionSpecs() {
        return job -> specs.get(job.jobId());
    }

    static SessionsExport read(Path file) throws ConfigException {
        YamlFile yaml = YamlFile.read(file);
        Fields root = yaml.fields().allowOnly("sessions", "defaults");
        Fields defaults = root.has("defaults") ? root.object("defaults").allowOnly(SPEC_FIELDS) : null;
        List<ExportedPeloton.Entry> entries = new ArrayList<>();
        Map<String, CheckpointStatus> checkpoints = new TreeMap<>();
        Map<String, SessionSpec> specs = new TreeMap<>();
        for (Fields s : root.list("sessions")) {
            s.allowOnly("job_id", "owner", "owning_team", "zone", "resources", "state", "run_id", "last_activity",
                    "checkpoint", "kind", "image", "nfs_server", "nfs_path");
            String jobId = s.text("job_id");
            if (specs.containsKey(jobId)) {
                throw s.error("job_id", "job '" + jobId + "' is listed twice");
            }
            SessionJob job = job(s, jobId);
            OptionalLong lastActivity = s.has("last_activity") ? OptionalLong.of(instant(s, "last_activity"))
                    : OptionalLong.empty();
            entries.add(new ExportedPeloton.Entry(job, lastActivity));
            specs.put(jobId, spec(s, defaults, job));
            if (s.has("checkpoint")) {
                checkpoints.put(jobId, checkpoint(s.object("checkpoint")));
            }
        }
        return new SessionsExport(new ExportedPeloton(file.toString(), entries), checkpoints, specs);
    }

    private static SessionJob job(Fields s, String jobId) throws ConfigException {
        Fields r = s.object("resources").allowOnly("cpu", "memory_mb", "disk_mb", "gpu");
        Resources resources = new Resources(r.number("cpu", 0.001, 1024), r.integer("memory_mb", 1, Integer.MAX_VALUE),
                r.integer("disk_mb", 0, Integer.MAX_VALUE, 0), r.integer("gpu", 0, 64, 0));
        TaskState state;
        try {
            state = TaskState.fromPeloton(s.text("state"));
        } catch (IllegalArgumentException e) {
            throw s.error("state", "must be a Peloton task state (" + Arrays.stream(TaskState.values())
                    .map(Enum::name).collect(Collectors.joining(", ")) + "), was '" + s.text("state") + "'");
        }
        TaskState desired = state == TaskState.KILLING || state == TaskState.KILLED ? TaskState.KILLED
                : TaskState.RUNNING;
        return new SessionJob(jobId, s.text("owner"), s.text("owning_team"), s.text("zone"), resources,
                new TaskStatus(state, desired, s.integer("run_id", 1, Integer.MAX_VALUE, 1), ""));
    }

    private static SessionSpec spec(Fields s, Fields defaults, SessionJob job) throws ConfigException {
        String kind = specField(s, defaults, "kind");
        if (!KINDS.contains(kind)) {
            throw (s.has("kind") ? s : defaults).error("kind", "must be one of " + String.join(", ", KINDS)
                    + ", was '" + kind + "'");
        }
        try {
            return new SessionSpec(job.jobId(), job.owner(), job.owningTeam(),
                    SessionKind.fromLabel(kind).orElseThrow(), specField(s, defaults, "image"),
                    job.resources().toResources().withMemoryInWholeGiB(), specField(s, defaults, "nfs_server"),
                    specField(s, defaults, "nfs_path").replace("{owner}", job.owner()), 0);
        } catch (InvalidSessionSpecException e) {
            throw s.error("job_id", "cannot run on Kubernetes: " + String.join("; ", e.problems()));
        }
    }

    /** A spec field from the session, else from the defaults. */
    private static String specField(Fields s, Fields defaults, String field) throws ConfigException {
        if (s.has(field) || defaults == null || !defaults.has(field)) {
            return s.text(field); // names the session's line when it is missing in both places
        }
        return defaults.text(field);
    }

    private static CheckpointStatus checkpoint(Fields c) throws ConfigException {
        c.allowOnly("generation", "written_at", "install_in_progress", "restored_generation");
        OptionalLong restored = c.has("restored_generation")
                ? OptionalLong.of(c.integer("restored_generation", 0, Integer.MAX_VALUE)) : OptionalLong.empty();
        return new CheckpointStatus(c.integer("generation", 0, Integer.MAX_VALUE), instant(c, "written_at"),
                Boolean.parseBoolean(c.choice("install_in_progress", BOOLEANS, "false")), restored);
    }

    private static long instant(Fields f, String field) throws ConfigException {
        String text = f.text(field);
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw f.error(field, "must be an ISO-8601 instant such as 2026-11-30T18:00:00Z, was '" + text + "'");
        }
    }
}
