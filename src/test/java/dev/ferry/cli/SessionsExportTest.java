package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.cluster.peloton.JobQuery;
import dev.ferry.cluster.peloton.PelotonSource;
import dev.ferry.cluster.peloton.SessionJob;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionKind;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.reconcile.CheckpointStatus;
import dev.ferry.model.config.ConfigException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SessionsExport: the Peloton export that ferry migrate plan reads")
class SessionsExportTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("JSON works too; a session's own fields win over the defaults, '{owner}' is replaced")
    void json() throws Exception {
        Path file = PlanFiles.write(dir, "sessions.json", """
                {"defaults": {"kind": "jupyter", "image": "img:1", "nfs_server": "nfs.example",
                              "nfs_path": "/homes/{owner}"},
                 "sessions": [
                   {"job_id": "s-1", "owner": "ann", "owning_team": "geo", "zone": "zone-a",
                    "resources": {"cpu": 1.5, "memory_mb": 1500, "gpu": 1}, "state": "POD_STATE_RUNNING",
                    "kind": "rstudio", "image": "rstudio:4",
                    "last_activity": "2026-11-30T10:00:00Z",
                    "checkpoint": {"generation": 3, "written_at": "2026-11-30T10:05:00Z",
                                   "install_in_progress": true}},
                   {"job_id": "s-2", "owner": "bo", "owning_team": "geo", "zone": "zone-b",
                    "resources": {"cpu": 2, "memory_mb": 4096}, "state": "killed", "run_id": 3}
                 ]}
                """);
        SessionsExport export = SessionsExport.read(file);

        SessionJob s1 = export.exported().getJob("s-1").orElseThrow();
        assertThat(s1.state()).isEqualTo(TaskState.RUNNING);
        assertThat(export.exported().lastActivity("s-1"))
                .hasValue(Instant.parse("2026-11-30T10:00:00Z").toEpochMilli());
        assertThat(export.sessionSpecs().specFor(PelotonSource.session(s1))).isEqualTo(new SessionSpec("s-1", "ann", "geo",
                SessionKind.RSTUDIO, "rstudio:4", Resources.ofGiB(1500, 2, 1), "nfs.example", "/homes/ann", 0));
        assertThat(export.signals().status("s-1")).contains(new CheckpointStatus(3,
                Instant.parse("2026-11-30T10:05:00Z").toEpochMilli(), true, OptionalLong.empty()));

        SessionJob s2 = export.exported().getJob("s-2").orElseThrow();
        assertThat(s2.task().runId()).isEqualTo(3);
        assertThat(s2.state()).isEqualTo(TaskState.KILLED);
        assertThat(export.exported().lastActivity("s-2")).isEmpty();
        assertThat(export.signals().status("s-2")).isEmpty();
        assertThat(export.sessionSpecs().specFor(PelotonSource.session(s2)).image()).isEqualTo("img:1");
        assertThat(export.exported().queryJobs(JobQuery.all())).hasSize(2);
    }

    @Test
    @DisplayName("the test fixture reads as described")
    void fixture() throws Exception {
        SessionsExport export = SessionsExport.read(PlanFiles.write(dir, "s.yaml", PlanFiles.SESSIONS));
        assertThat(export.specs()).containsOnlyKeys("s-idle", "s-active", "s-busy", "s-done");
        assertThat(export.checkpoints().get("s-done").restoredGeneration()).hasValue(3);
        assertThat(export.specs().get("s-idle").resources().memoryMiB()).isEqualTo(8 * 1024);
    }

    @Test
    @DisplayName("errors name the file, the line and the field")
    void errors() throws Exception {
        Path typo = PlanFiles.write(dir, "typo.yaml", PlanFiles.SESSIONS.replace("owning_team: nlp", "team: nlp"));
        assertThatThrownBy(() -> SessionsExport.read(typo)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(typo + " line 25: sessions[2].team: unknown field; allowed here: job_id,");

        Path instant = PlanFiles.write(dir, "instant.yaml",
                PlanFiles.SESSIONS.replace("2026-11-30T16:00:00Z", "yesterday"));
        assertThatThrownBy(() -> SessionsExport.read(instant)).isInstanceOf(ConfigException.class)
                .hasMessage(instant + " line 13: sessions[0].last_activity: must be an ISO-8601 instant such as"
                        + " 2026-11-30T18:00:00Z, was 'yesterday'");

        Path twice = PlanFiles.write(dir, "twice.yaml", PlanFiles.SESSIONS.replace("job_id: s-busy", "job_id: s-idle"));
        assertThatThrownBy(() -> SessionsExport.read(twice)).isInstanceOf(ConfigException.class)
                .hasMessage(twice + " line 23: sessions[2].job_id: job 's-idle' is listed twice");

        Path owner = PlanFiles.write(dir, "owner.yaml", PlanFiles.SESSIONS.replace("owner: bob", "owner: Bob"));
        assertThatThrownBy(() -> SessionsExport.read(owner)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(owner + " line 15: sessions[1].job_id: cannot run on Kubernetes: owner 'Bob'");
    }
}
