package dev.ferry.tracker.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of a restore: one outcome per package, notes about environments left alone, and
 * whether a new checkpoint generation was written.
 *
 * @param location          the site-packages restored into
 * @param writtenGeneration the generation written after a complete restore, 0 when none was
 * @param checkpointError   why the new generation could not be written, or {@code null}
 */
public record RestoreReport(String location, List<String> notes, List<Outcome> outcomes, boolean dryRun,
                            long writtenGeneration, String checkpointError) {

    public RestoreReport {
        notes = List.copyOf(notes);
        outcomes = List.copyOf(outcomes);
    }

    public long count(Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Whether every package ended as the user had it and the rebased checkpoint was written. */
    public boolean succeeded() {
        return count(Outcome.Status.FAILED) == 0 && checkpointError == null;
    }

    /** Everything to print: the notes, one line per package, then the summary. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(notes);
        outcomes.forEach(o -> lines.add(o.line()));
        lines.add(summary());
        return lines;
    }

    public String summary() {
        if (dryRun) {
            return "dry run: would install " + count(Outcome.Status.WOULD_INSTALL) + " and remove "
                    + count(Outcome.Status.WOULD_REMOVE) + " package(s) in " + location + "; "
                    + (count(Outcome.Status.ALREADY_PRESENT) + count(Outcome.Status.ALREADY_ABSENT))
                    + " already as wanted; nothing was changed";
        }
        String counts = count(Outcome.Status.INSTALLED) + " installed, " + count(Outcome.Status.REMOVED) + " removed, "
                + (count(Outcome.Status.ALREADY_PRESENT) + count(Outcome.Status.ALREADY_ABSENT)) + " already as wanted";
        long failed = count(Outcome.Status.FAILED);
        if (failed > 0) {
            return "restore incomplete: " + failed + " of " + outcomes.size() + " package(s) failed (" + counts + ") in "
                    + location + "; the checkpoint was left unchanged";
        }
        if (checkpointError != null) {
            return "restored " + outcomes.size() + " package(s) (" + counts + ") in " + location
                    + ", but the new checkpoint generation could not be written: " + checkpointError;
        }
        return "restored " + outcomes.size() + " package(s) (" + counts + ") in " + location
                + "; wrote checkpoint generation " + writtenGeneration + " rebased on this image";
    }
}
