package dev.ferry.model;

/**
 * The time constants of a synthetic pip command, in nanoseconds. Defaults are read off the
 * recorded trace {@code pip-session-a} (see the traces README): the first event 0.75–1.6 s after
 * the command starts, the last 0.1–0.3 s before it exits, files written a fraction of a
 * millisecond apart, distributions a few milliseconds apart, and byte-compilation afterwards.
 *
 * @param resolveMin       shortest time from the command's start to its first file event
 * @param resolveMax       longest such time
 * @param fileGapMean      mean gap between the events of consecutive files (exponential)
 * @param distributionGapMax longest gap between one distribution's last event and the next one's first
 * @param compileGapMean   mean gap between two byte-compiled files (exponential)
 * @param exitMin          shortest time from the last file event to the command's exit
 * @param exitMax          longest such time
 */
public record PipTiming(long resolveMin, long resolveMax, long fileGapMean, long distributionGapMax,
                        long compileGapMean, long exitMin, long exitMax) {

    private static final long MS = 1_000_000L;

    public static final PipTiming RECORDED = new PipTiming(750 * MS, 1600 * MS, MS / 10, 30 * MS,
            MS / 2, 100 * MS, 300 * MS);
}
