package dev.ferry.cluster.kube;

import dev.ferry.migrate.SessionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What Kubernetes needs to run one session: who owns it, what it runs, what it reserves and where the
 * user's home lives. Every field is checked on construction and all problems are reported together.
 *
 * @param sessionId            the session's id; the Job is {@code session-<id>}, so at most 55 characters of a
 *                             DNS-1123 label (the Job name is also the pods' {@code job-name} label value, max 63)
 * @param owner                the user: a DNS-1123 label; the home is mounted at {@code /home/<owner>}
 * @param team                 the user's team: a DNS-1123 label (budgets count sessions per team)
 * @param kind                 Jupyter or RStudio
 * @param image                the container image reference, without whitespace
 * @param cpuMillis            CPU reserved, in millicores (requests = limits), at least 1
 * @param memoryGiB            memory reserved, in GiB (requests = limits), at least 1
 * @param gpus                 NVIDIA GPUs, 0 or more
 * @param nfsServer            the NFS server of the user's home: a host name or IPv4 address
 * @param nfsPath              the export path of the user's home on that server: absolute, no {@code ..}
 * @param checkpointGeneration the tracker's checkpoint generation the new session restores from, 0 or more
 */
public record SessionSpec(String sessionId, String owner, String team, SessionKind kind, String image, int cpuMillis,
        int memoryGiB, int gpus, String nfsServer, String nfsPath, long checkpointGeneration) {

    /** Job names are {@code session-<id>}. */
    public static final String JOB_NAME_PREFIX = "session-";
    /** The longest session id whose Job name is still a valid label value. */
    public static final int SESSION_ID_MAX = Names.LABEL_MAX - JOB_NAME_PREFIX.length();

    public SessionSpec {
        List<String> problems = new ArrayList<>();
        if (!Names.isLabel(sessionId, SESSION_ID_MAX)) {
            problems.add("session id " + Names.quote(sessionId) + " must be a DNS-1123 label part (" + Names.LABEL_RULE
                    + ", at most " + SESSION_ID_MAX + " characters so that 'session-<id>' is at most 63)");
        }
        if (!Names.isLabel(owner, Names.LABEL_MAX)) {
            problems.add("owner " + Names.quote(owner) + " must be a DNS-1123 label (" + Names.LABEL_RULE
                    + ", at most 63 characters)");
        }
        if (!Names.isLabel(team, Names.LABEL_MAX)) {
            problems.add("team " + Names.quote(team) + " must be a DNS-1123 label (" + Names.LABEL_RULE
                    + ", at most 63 characters)");
        }
        if (kind == null) {
            problems.add("kind is missing (jupyter or rstudio)");
        }
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            problems.add("image " + Names.quote(image) + " must be a non-empty image reference without whitespace");
        }
        if (cpuMillis < 1) {
            problems.add("cpu must be at least 1 millicore, got " + cpuMillis);
        }
        if (memoryGiB < 1) {
            problems.add("memory must be at least 1 GiB, got " + memoryGiB);
        }
        if (gpus < 0) {
            problems.add("gpus must be 0 or more, got " + gpus);
        }
        if (!Names.isSubdomain(nfsServer)) {
            problems.add("NFS server " + Names.quote(nfsServer)
                    + " must be a DNS-1123 host name or an IPv4 address");
        }
        if (nfsPath == null || !nfsPath.startsWith("/") || nfsPath.chars().anyMatch(Character::isWhitespace)
                || List.of(nfsPath.split("/")).contains("..")) {
            problems.add("NFS path " + Names.quote(nfsPath) + " must be an absolute path without whitespace or '..'");
        }
        if (checkpointGeneration < 0) {
            problems.add("checkpoint generation must be 0 or more, got " + checkpointGeneration);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSessionSpecException(sessionId, problems);
        }
    }

    /** {@code session-<id>}: the Job's name. */
    public String jobName() {
        return JOB_NAME_PREFIX + sessionId;
    }

    /** {@code /home/<owner>}: where the NFS home is mounted. */
    public String homePath() {
        return "/home/" + owner;
    }

    /** The same session restoring from another checkpoint generation. */
    public SessionSpec withCheckpointGeneration(long generation) {
        return new SessionSpec(sessionId, owner, team, kind, image, cpuMillis, memoryGiB, gpus, nfsServer, nfsPath,
                generation);
    }
}
