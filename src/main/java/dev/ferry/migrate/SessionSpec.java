package dev.ferry.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * What a target cluster needs to run one session: who owns it, what it runs, what it reserves and where the
 * user's home lives. Every field is checked on construction and all problems are reported together.
 *
 * @param sessionId            the session's id: at most {@value #SESSION_ID_MAX} characters of a DNS-1123 label, so
 *                             that its Kubernetes Job name {@code session-<id>} is still a label value (max 63)
 * @param owner                the user: a DNS-1123 label; the home is mounted at {@code /home/<owner>}
 * @param team                 the user's team: a DNS-1123 label (budgets count sessions per team)
 * @param kind                 Jupyter or RStudio
 * @param image                the container image reference, without whitespace
 * @param resources            what it reserves (requests = limits): at least 1 millicore and 1 GiB
 * @param nfsServer            the NFS server of the user's home: a host name or IPv4 address
 * @param nfsPath              the export path of the user's home on that server: absolute, no {@code ..}
 * @param checkpointGeneration the tracker's checkpoint generation the new session restores from, 0 or more
 */
public record SessionSpec(String sessionId, String owner, String team, SessionKind kind, String image,
        Resources resources, String nfsServer, String nfsPath, long checkpointGeneration) {

    /** The longest session id whose Job name, {@code session-<id>}, is still a valid label value. */
    public static final int SESSION_ID_MAX = Names.LABEL_MAX - "session-".length();

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
        if (resources == null) {
            problems.add("resources are missing");
        } else {
            if (resources.milliCpu() < 1) {
                problems.add("cpu must be at least 1 millicore, got " + resources.milliCpu());
            }
            if (resources.memoryMiB() < Resources.MIB_PER_GIB) {
                problems.add("memory must be at least 1 GiB, got " + Resources.memoryText(resources.memoryMiB()));
            }
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

    /** {@code /home/<owner>}: where the NFS home is mounted. */
    public String homePath() {
        return "/home/" + owner;
    }

    /** The same session restoring from another checkpoint generation. */
    public SessionSpec withCheckpointGeneration(long generation) {
        return new SessionSpec(sessionId, owner, team, kind, image, resources, nfsServer, nfsPath, generation);
    }
}
