package dev.ferry.cluster.kube;

import dev.ferry.migrate.PodPhase;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a session Job's status says about its one pod, as the Job controller counts them: {@code ready} (Running and
 * Ready), {@code active} (Pending or Running), {@code terminating} (being deleted) and {@code failed}. Reading the
 * Jobs alone then tells the scheduler where every pod stands, with one list call per cluster instead of two.
 */
public final class JobPodStatus {

    private JobPodStatus() {
    }

    /**
     * The phase of the Job's pod: RUNNING when one is ready, PENDING when one is active or terminating (still
     * there, not usable), FAILED when none is active and one failed, SUCCEEDED likewise; empty when the Job has no
     * pod (suspended, or none made yet).
     */
    public static Optional<PodPhase> podPhase(Job job) {
        JobStatus s = job.getStatus();
        if (s == null) {
            return Optional.empty();
        }
        if (count(s.getReady()) > 0) {
            return Optional.of(PodPhase.RUNNING);
        }
        if (count(s.getActive()) > 0 || count(s.getTerminating()) > 0) {
            return Optional.of(PodPhase.PENDING);
        }
        if (count(s.getFailed()) > 0) {
            return Optional.of(PodPhase.FAILED);
        }
        if (count(s.getSucceeded()) > 0) {
            return Optional.of(PodPhase.SUCCEEDED);
        }
        return Optional.empty();
    }

    /** The API's name of {@code phase}, e.g. {@code Running}. */
    public static String apiName(PodPhase phase) {
        return switch (phase) {
            case PENDING -> "Pending";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case UNKNOWN -> "Unknown";
        };
    }

    /** The phase the API calls {@code apiName} ({@code status.phase}); {@link PodPhase#UNKNOWN} for null or anything else. */
    public static PodPhase fromApi(String apiName) {
        return Arrays.stream(PodPhase.values()).filter(p -> apiName(p).equals(apiName)).findFirst()
                .orElse(PodPhase.UNKNOWN);
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
