package dev.ferry.tracker.restore;

import dev.ferry.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs pip over many packages in as few commands as keep every package's outcome knowable. The
 * packages go in chunks of at most {@link #MAX_ARGUMENT_BYTES} of arguments (far below the
 * operating system's limit on a command line). In a chunk that fails, halving finds the first
 * package that fails (log n commands), and the packages after it run again as one command; so k
 * failures among n packages cost about k (log2 n + 1) commands instead of n. A command that timed
 * out is not split: its halves would only time out in turn. Pip's word only explains a failure;
 * the scan afterwards decides every verdict.
 */
final class PipBatches {

    /** About 100 KB of arguments per pip command; Linux allows 2 MB for a whole command line. */
    static final int MAX_ARGUMENT_BYTES = 100_000;

    /** Progress is told at most this often (and after the last command), so a terminal is not flooded. */
    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private final Clock clock;
    private final RestoreProgress progress;
    private final int total;
    private int settled;
    private int commands;
    private long lastToldNanos;
    private boolean told;

    /** @param total how many packages all the runs through this batcher will cover */
    PipBatches(Clock clock, RestoreProgress progress, int total) {
        this.clock = clock;
        this.progress = progress;
        this.total = total;
    }

    int commands() {
        return commands;
    }

    /**
     * Runs {@code command} over {@code items} and says which result explains each item's outcome.
     *
     * @param key      the name an item's result is filed under
     * @param argument what the item adds to pip's command line (its length counts towards a chunk)
     */
    <T> Map<String, PipResult> run(List<T> items, Function<T, String> key, Function<T, String> argument,
                                   Function<List<T>, PipResult> command) {
        Map<String, PipResult> results = new HashMap<>();
        int start = 0;
        while (start < items.size()) {
            int end = start;
            long bytes = 0;
            while (end < items.size() && (end == start
                    || bytes + argument.apply(items.get(end)).length() + 1 <= MAX_ARGUMENT_BYTES)) {
                bytes += argument.apply(items.get(end)).length() + 1;
                end++;
            }
            settle(items.subList(start, end), key, command, results);
            start = end;
        }
        return results;
    }

    /** Runs {@code items} as one command; if it failed, finds which of them fail. */
    private <T> void settle(List<T> items, Function<T, String> key, Function<List<T>, PipResult> command,
                            Map<String, PipResult> results) {
        PipResult result = execute(items, command);
        if (result.succeeded() || result.timedOut() || items.size() == 1) {
            attribute(items, result, key, results);
        } else {
            findFailures(items, result, key, command, results);
        }
    }

    /**
     * {@code failing} failed together with {@code failure}. Halving finds its first failing item
     * (the failure is in the first half if that half fails, else in the second, which then needs
     * no run of its own); everything after that item is run again as one command, and so on.
     */
    private <T> void findFailures(List<T> failing, PipResult failure, Function<T, String> key,
                                  Function<List<T>, PipResult> command, Map<String, PipResult> results) {
        int lo = 0;
        int hi = failing.size();
        PipResult reason = failure;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            List<T> half = failing.subList(lo, mid);
            PipResult result = execute(half, command);
            if (result.succeeded()) {
                attribute(half, result, key, results);
                lo = mid;
            } else if (result.timedOut()) {
                attribute(half, result, key, results);
                settle(failing.subList(mid, failing.size()), key, command, results);
                return;
            } else {
                hi = mid;
                reason = result;
            }
        }
        attribute(failing.subList(lo, lo + 1), reason, key, results);
        List<T> rest = failing.subList(lo + 1, failing.size());
        if (!rest.isEmpty()) {
            settle(rest, key, command, results);
        }
    }

    private <T> PipResult execute(List<T> items, Function<List<T>, PipResult> command) {
        tell(false);
        PipResult result = command.apply(List.copyOf(items));
        commands++;
        return result;
    }

    private <T> void attribute(List<T> items, PipResult result, Function<T, String> key,
                               Map<String, PipResult> results) {
        items.forEach(item -> results.put(key.apply(item), result));
        settled += items.size();
        tell(settled == total);
    }

    private void tell(boolean last) {
        long now = clock.nanos();
        if (last || !told || now - lastToldNanos >= PROGRESS_INTERVAL_NANOS) {
            progress.update(settled, total, commands);
            lastToldNanos = now;
            told = true;
        }
    }
}
