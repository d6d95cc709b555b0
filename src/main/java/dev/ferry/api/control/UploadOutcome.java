package dev.ferry.api.control;

/** What became of one checkpoint upload. */
public sealed interface UploadOutcome {

    /** The first checkpoint stored for the session. */
    record Created(long generation) implements UploadOutcome {
    }

    /** A newer generation replaced the stored one. */
    record Replaced(long generation, long previous) implements UploadOutcome {
    }

    /**
     * The very checkpoint already stored, sent again: kept as it is, and taken as the tracker saying it is still
     * current now (a retry of an upload whose answer was lost gets the same answer, as a PUT should).
     */
    record Confirmed(long generation) implements UploadOutcome {
    }

    /** Not newer than the stored checkpoint (an older generation, or the same one with other content): refused. */
    record NotNewer(long stored, long offered) implements UploadOutcome {
    }

    /** Not a checkpoint the tracker's own reader accepts (damaged, truncated, malformed): refused. */
    record Damaged(String reason) implements UploadOutcome {
    }

    /** Larger than a checkpoint may be: refused without being parsed. */
    record TooLarge(long bytes, long limit) implements UploadOutcome {
    }

    /** Whether the upload was stored (or already was). */
    default boolean accepted() {
        return this instanceof Created || this instanceof Replaced || this instanceof Confirmed;
    }
}
