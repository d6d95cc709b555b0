package dev.ferry.sim.fs;

import dev.ferry.model.PipTiming;
import dev.ferry.tracker.restore.Pin;
import dev.ferry.tracker.restore.PipResult;
import dev.ferry.tracker.restore.PipRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * pip for the product's restore ({@code tracker/restore/Restore}) in a simulated container: each
 * command changes the environment as pip's would, and takes the virtual time that a synthetic pip
 * command of the same distributions takes ({@link SyntheticPip}, timed by the pip model). Nothing
 * watches during a restore, so the environment changes at once and only the time is counted: the
 * container is usable {@link #elapsedNanos()} after the restore began.
 *
 * <p>A pin the package index no longer serves ({@code unavailable}) fails the whole command it is
 * in, installing nothing, as pip resolves before it installs.
 */
public final class SimulatedPipRunner implements PipRunner {

    private final SimulatedEnvironment tree;
    private final Map<String, Distribution> installed;
    private final Map<String, Distribution> known;
    private final PipTiming timing;
    private final SplittableRandom random;
    private final Predicate<Pin> unavailable;
    private long elapsed;

    /**
     * @param installed what the environment holds now (the image), by normalized name
     * @param known     distributions the user had, by normalized name, for their sizes
     */
    public SimulatedPipRunner(SimulatedEnvironment tree, Map<String, Distribution> installed,
                              Map<String, Distribution> known, PipTiming timing, SplittableRandom random,
                              Predicate<Pin> unavailable) {
        this.tree = tree;
        this.installed = new LinkedHashMap<>(installed);
        this.known = known;
        this.timing = timing;
        this.random = random;
        this.unavailable = unavailable;
    }

    /** Virtual time the commands so far took. */
    public long elapsedNanos() {
        return elapsed;
    }

    /** What the environment holds after the commands so far, by normalized name. */
    public Map<String, Distribution> installed() {
        return new LinkedHashMap<>(installed);
    }

    @Override
    public PipResult install(List<Pin> pins) {
        for (Pin pin : pins) {
            if (unavailable.test(pin)) {
                took(SyntheticPip.install(elapsed, List.of(), List.of(), installed, timing, random, Observation.NOTHING));
                return PipResult.failed(1, "ERROR: No matching distribution found for " + pin.requirement());
            }
        }
        List<Distribution> wanted = new ArrayList<>();
        for (Pin pin : pins) {
            wanted.add(Distribution.sized(pin.name(), pin.version(), known));
        }
        took(SyntheticPip.install(elapsed, List.of(), wanted, installed, timing, random, Observation.NOTHING));
        for (Distribution d : wanted) {
            Distribution old = installed.put(d.key(), d);
            if (old != null) {
                DistributionLayout.removePython(tree, old);
            }
            DistributionLayout.write(tree, d, true);
        }
        return PipResult.ok();
    }

    @Override
    public PipResult uninstall(List<String> names) {
        Map<String, Distribution> removed = new LinkedHashMap<>();
        for (String name : names) {
            Distribution d = installed.get(Distribution.keyOf(name));
            if (d != null) {
                removed.put(d.key(), d);
            }
        }
        took(SyntheticPip.uninstall(elapsed, List.copyOf(removed.values()), timing, random, Observation.NOTHING));
        for (Distribution d : removed.values()) {
            installed.remove(d.key());
            DistributionLayout.removePython(tree, d);
        }
        return PipResult.ok();
    }

    private void took(SyntheticPip.Command command) {
        elapsed += command.exit() - command.start();
    }
}
