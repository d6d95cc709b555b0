package dev.ferry.tracker.restore;

import dev.ferry.time.Clock;
import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointStore;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.EnvironmentView;
import dev.ferry.tracker.scan.Scanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Restores a checkpoint into one interpreter's site-packages: validate the whole checkpoint,
 * choose its environment, scan the image, plan, run pip (uninstalls, then installs, in as few
 * commands as keep each package's outcome knowable: {@link PipBatches}), scan again
 * and judge every package by what is installed, not by pip's exit status. When every package
 * ended as wanted, a new checkpoint generation is written, rebased on the image: its baseline is
 * the image as found, its current set what is installed after restoring, its location the
 * interpreter's site-packages. Otherwise the checkpoint is left as it was.
 */
public final class Restore {

    private final PipRunner pip;
    private final EnvironmentView target;
    private final CheckpointStore store;
    private final Clock clock;
    private final RestoreProgress progress;

    /**
     * @param target the interpreter's site-packages; its {@link EnvironmentView#location()} is
     *               written into the new checkpoint
     * @param store  where the rebased generation goes (the file the checkpoint was read from)
     * @param clock  stamps the new generation
     */
    public Restore(PipRunner pip, EnvironmentView target, CheckpointStore store, Clock clock) {
        this(pip, target, store, clock, RestoreProgress.NONE);
    }

    /** @param progress hears how far the pip commands have come (at most about once a second, by {@code clock}) */
    public Restore(PipRunner pip, EnvironmentView target, CheckpointStore store, Clock clock,
                   RestoreProgress progress) {
        this.pip = pip;
        this.target = target;
        this.store = store;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Restores {@code checkpoint}, or with {@code dryRun} only says what it would do.
     *
     * @param requested the checkpoint environment to restore ({@code --env}), if given
     * @throws RestoreException before anything runs, when the checkpoint must not be restored
     * @throws IOException      when the site-packages cannot be read
     */
    public RestoreReport run(Checkpoint checkpoint, Optional<String> requested, boolean dryRun)
            throws RestoreException, IOException {
        CheckpointValidation.checkForRestore(checkpoint);
        EnvironmentChoice choice = EnvironmentChoice.choose(checkpoint, target.location(), requested);
        PackageSet image = scan();
        RestorePlan plan = RestorePlan.of(choice.chosen().diff(), image);
        if (dryRun) {
            return new RestoreReport(target.location(), choice.notes(), planned(plan), true, 0, null);
        }
        PipBatches batches = new PipBatches(clock, progress, plan.uninstall().size() + plan.install().size());
        Map<String, PipResult> uninstalled = batches.run(new ArrayList<>(plan.uninstall().keySet()), n -> n, n -> n,
                pip::uninstall);
        Map<String, PipResult> installed = batches.run(plan.pins(), Pin::name, Pin::requirement, pip::install);
        PackageSet after = scan();
        List<Outcome> outcomes = verdicts(plan, after, uninstalled, installed);
        if (outcomes.stream().anyMatch(o -> o.status() == Outcome.Status.FAILED)) {
            return new RestoreReport(target.location(), choice.notes(), outcomes, false, 0, null);
        }
        Checkpoint rebased = rebase(checkpoint, choice, image, after);
        try {
            store.write(rebased);
        } catch (IOException e) {
            return new RestoreReport(target.location(), choice.notes(), outcomes, false, 0, e.toString());
        }
        return new RestoreReport(target.location(), choice.notes(), outcomes, false, rebased.generation(), null);
    }

    private PackageSet scan() throws IOException {
        return new Scanner(target, EnvironmentKind.PYTHON).scan();
    }

    private static List<Outcome> planned(RestorePlan plan) {
        List<Outcome> out = new ArrayList<>();
        plan.uninstall().keySet().forEach(n -> out.add(new Outcome(Outcome.Status.WOULD_REMOVE, n, null, null)));
        plan.install().forEach((n, v) -> out.add(new Outcome(Outcome.Status.WOULD_INSTALL, n, v, null)));
        plan.alreadyPresent().forEach((n, v) -> out.add(new Outcome(Outcome.Status.ALREADY_PRESENT, n, v, null)));
        plan.alreadyAbsent().forEach(n -> out.add(new Outcome(Outcome.Status.ALREADY_ABSENT, n, null, null)));
        return out;
    }

    private List<Outcome> verdicts(RestorePlan plan, PackageSet after, Map<String, PipResult> uninstalled,
                                   Map<String, PipResult> installed) {
        List<Outcome> out = new ArrayList<>();
        plan.uninstall().keySet().forEach(name -> out.add(after.contains(name)
                ? failed(name, null, after, uninstalled.get(name))
                : new Outcome(Outcome.Status.REMOVED, name, null, null)));
        plan.install().forEach((name, version) -> out.add(version.equals(after.version(name))
                ? new Outcome(Outcome.Status.INSTALLED, name, version, null)
                : failed(name, version, after, installed.get(name))));
        plan.alreadyPresent().forEach((name, version) -> out.add(version.equals(after.version(name))
                ? new Outcome(Outcome.Status.ALREADY_PRESENT, name, version, null)
                : failed(name, version, after, null)));
        plan.alreadyAbsent().forEach(name -> out.add(after.contains(name)
                ? failed(name, null, after, null)
                : new Outcome(Outcome.Status.ALREADY_ABSENT, name, null, null)));
        return out;
    }

    private Outcome failed(String name, String version, PackageSet after, PipResult result) {
        String detail;
        if (result != null && !result.succeeded()) {
            detail = result.reason();
        } else {
            String found = after.contains(name) ? "has " + name + " " + after.version(name) : "does not have " + name;
            detail = (result == null ? "it was as wanted before restoring, but now " : "pip reported success, but ")
                    + target.location() + " " + found;
        }
        return new Outcome(Outcome.Status.FAILED, name, version, detail);
    }

    /**
     * The next generation: the restored environment rebased on the image, every other one as it was.
     * Packages the user changed keep the baseline they were changed from, so that a package the new
     * image happens to have already still counts as the user's, and comes back on the next move too.
     */
    private Checkpoint rebase(Checkpoint checkpoint, EnvironmentChoice choice, PackageSet image, PackageSet after) {
        EnvironmentState before = choice.chosen();
        EnvironmentState restored = new EnvironmentState(target.location(), EnvironmentKind.PYTHON,
                rebasedBaseline(before.baseline(), before.diff(), image), after);
        List<EnvironmentState> envs = new ArrayList<>();
        List<EnvironmentState> old = checkpoint.environments();
        for (int i = 0; i < old.size(); i++) {
            if (i == choice.index()) {
                envs.add(restored);
            } else if (!EnvironmentChoice.sameLocation(old.get(i).location(), target.location())) {
                envs.add(old.get(i));
            }
        }
        return new Checkpoint(checkpoint.generation() + 1, clock.epochMillis(), envs);
    }

    /** The image's set, except that every package the user touched keeps its old baseline entry (or absence). */
    static PackageSet rebasedBaseline(PackageSet oldBaseline, PackageDiff userChange, PackageSet image) {
        java.util.TreeMap<String, String> baseline = new java.util.TreeMap<>(image.asMap());
        java.util.Set<String> touched = new java.util.TreeSet<>(userChange.added().keySet());
        touched.addAll(userChange.removed().keySet());
        touched.addAll(userChange.changed().keySet());
        for (String name : touched) {
            String old = oldBaseline.version(name);
            if (old == null) {
                baseline.remove(name);
            } else {
                baseline.put(name, old);
            }
        }
        return PackageSet.of(baseline);
    }
}
