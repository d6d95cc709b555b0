package dev.ferry.tracker.checkpoint;

/**
 * A checkpoint text that passed every check {@link CheckpointFormat#decode} makes, described without its
 * environments: what a store that keeps the text as it is needs.
 *
 * @param generation           the checkpoint's generation, 1 or more
 * @param writtenAtEpochMillis its {@code written} time, epoch ms
 * @param bytes                the text's size in UTF-8
 * @param textSha256           the SHA-256 of the whole text (checksum line included), hex
 */
public record VerifiedCheckpoint(long generation, long writtenAtEpochMillis, int bytes, String textSha256) {
}
