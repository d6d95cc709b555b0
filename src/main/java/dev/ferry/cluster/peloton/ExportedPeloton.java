package dev.ferry.cluster.peloton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Peloton as an export of its session jobs says it was, read-only: for planning a migration against real
 * Kubernetes clusters without a Peloton connection (Peloton's API is gRPC, which Ferry does not speak).
 * {@link #queryJobs}, {@link #getJob} and {@link #lastActivity} answer from the export; {@link #stopJob} and
 * {@link #startJob} change nothing and fail with {@link PelotonException.Code#PERMISSION_DENIED}, so a caller
 * that tries to act on an export finds out at once instead of believing it did.
 */
public final class ExportedPeloton implements PelotonClient {

    /**
     * One exported session job.
     *
     * @param job          the job as Peloton listed it
     * @param lastActivity when its user last did something, epoch ms; empty if never
     */
    public record Entry(SessionJob job, OptionalLong lastActivity) {
        public Entry {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(lastActivity, "lastActivity");
        }
    }

    private final String source;
    private final Map<String, Entry> byJobId = new TreeMap<>();

    /**
     * @param source  where the export came from (a file name), for messages
     * @param entries the exported jobs, job ids unique
     */
    public ExportedPeloton(String source, List<Entry> entries) {
        this.source = Objects.requireNonNull(source, "source");
        for (Entry e : entries) {
            if (byJobId.putIfAbsent(e.job().jobId(), e) != null) {
                throw new IllegalArgumentException(source + ": job " + e.job().jobId() + " appears twice");
            }
        }
    }

    /** The matching jobs, ordered by job id. */
    @Override
    public List<SessionJob> queryJobs(JobQuery query) {
        List<SessionJob> jobs = new ArrayList<>();
        for (Entry e : byJobId.values()) {
            if (query.matches(e.job())) {
                jobs.add(e.job());
            }
        }
        return jobs;
    }

    @Override
    public Optional<SessionJob> getJob(String jobId) {
        return Optional.ofNullable(byJobId.get(jobId)).map(Entry::job);
    }

    /** Refuses: an export cannot stop anything. */
    @Override
    public void stopJob(String jobId) throws PelotonException {
        throw readOnly(jobId, "stop");
    }

    /** Refuses: an export cannot start anything. */
    @Override
    public void startJob(String jobId) throws PelotonException {
        throw readOnly(jobId, "start");
    }

    /** @throws PelotonException NOT_FOUND for a job the export does not hold */
    @Override
    public OptionalLong lastActivity(String jobId) throws PelotonException {
        Entry e = byJobId.get(jobId);
        if (e == null) {
            throw new PelotonException(PelotonException.Code.NOT_FOUND, jobId, "not in the export " + source);
        }
        return e.lastActivity();
    }

    private PelotonException readOnly(String jobId, String what) {
        return new PelotonException(PelotonException.Code.PERMISSION_DENIED, jobId,
                "cannot " + what + " a job of the read-only export " + source);
    }
}
