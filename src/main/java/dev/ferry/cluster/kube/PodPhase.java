package dev.ferry.cluster.kube;

import java.util.Arrays;

/** A pod's {@code status.phase}; anything else, or none, reads as {@link #UNKNOWN}. */
public enum PodPhase {
    PENDING("Pending"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    UNKNOWN("Unknown");

    private final String apiName;

    PodPhase(String apiName) {
        this.apiName = apiName;
    }

    /** The value the API uses, e.g. {@code Running}. */
    public String apiName() {
        return apiName;
    }

    /** The phase the API calls {@code apiName}; {@link #UNKNOWN} for null or anything else. */
    public static PodPhase fromApi(String apiName) {
        return Arrays.stream(values()).filter(p -> p.apiName.equals(apiName)).findFirst().orElse(UNKNOWN);
    }
}
