package dev.ferry.sim.session;

import dev.ferry.model.PipModel;
import dev.ferry.sim.fs.Distribution;
import dev.ferry.sim.fs.Observation;
import dev.ferry.sim.fs.SyntheticPip;
import dev.ferry.sim.fs.SyntheticR;
import dev.ferry.sim.world.Catalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratNormalizedGaussianSampler;

/**
 * What a user types: picks the kind of command by the model's mix, the distributions by popularity,
 * and builds the command's events (pip for Jupyter sessions, R for RStudio sessions).
 */
public final class UserCommands {

    private final PipModel model;
    private final Catalog catalog;
    private final boolean python;
    private final SplittableRandom random;
    private final DiscreteSampler popularity;
    private final ContinuousSampler files;
    private final double parallelShare;

    public UserCommands(PipModel model, double parallelShare, Catalog catalog, boolean python, SplittableRandom random,
                        UniformRandomProvider rng) {
        this.parallelShare = parallelShare;
        this.model = model;
        this.catalog = catalog;
        this.python = python;
        this.random = random;
        this.popularity = catalog.popularity(rng);
        this.files = LogNormalSampler.of(ZigguratNormalizedGaussianSampler.of(rng), model.filesLogMean(), model.filesLogSd());
    }

    /** Whether a command the user starts while another runs goes ahead in parallel (another notebook). */
    boolean startsInParallel() {
        return random.nextDouble() < parallelShare;
    }

    /**
     * A random command against {@code installed}, starting at {@code start}; null when there is nothing to do. Its
     * events that {@code seen} names are kept, the others counted.
     */
    Operation next(long start, Map<String, Distribution> installed, int epoch, Observation seen) {
        double pick = random.nextDouble();
        if (pick < model.installShare()) {
            return install(start, installed, epoch, seen);
        }
        if (pick < model.installShare() + model.upgradeShare()) {
            return upgrade(start, installed, 1, epoch, seen);
        }
        return uninstall(start, installed, epoch, seen);
    }

    /** Upgrades {@code count} installed distributions at once, as after an image update. */
    Operation upgrade(long start, Map<String, Distribution> installed, int count, int epoch, Observation seen) {
        List<Distribution> candidates = new ArrayList<>(installed.values());
        if (candidates.isEmpty()) {
            return null;
        }
        List<Distribution> wanted = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < count * 4 && wanted.size() < count; i++) {
            Distribution old = candidates.get(random.nextInt(candidates.size()));
            if (chosen.add(old.key())) {
                int current = versionIndex(old.version());
                wanted.add(new Distribution(old.name(), Catalog.version(Catalog.otherVersion(current, random)), old.files()));
            }
        }
        return build(start, List.of(), wanted, installed, epoch, seen);
    }

    private Operation install(long start, Map<String, Distribution> installed, int epoch, Observation seen) {
        List<Distribution> requested = pickNew(1, installed, Set.of());
        if (requested.isEmpty()) {
            return null;
        }
        int dependencies = geometric(model.dependenciesPerInstallMean());
        Set<String> taken = new HashSet<>();
        requested.forEach(d -> taken.add(d.key()));
        return build(start, pickNew(dependencies, installed, taken), requested, installed, epoch, seen);
    }

    private Operation uninstall(long start, Map<String, Distribution> installed, int epoch, Observation seen) {
        List<Distribution> candidates = new ArrayList<>(installed.values());
        int count = Math.min(candidates.size(), 1 + geometric(model.uninstallMean() - 1));
        List<Distribution> removed = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < count * 4 && removed.size() < count && !candidates.isEmpty(); i++) {
            Distribution d = candidates.get(random.nextInt(candidates.size()));
            if (!d.key().equals("pip") && chosen.add(d.key())) {
                removed.add(d);
            }
        }
        if (removed.isEmpty()) {
            return null;
        }
        Map<String, Distribution> after = new LinkedHashMap<>(installed);
        removed.forEach(d -> after.remove(d.key()));
        if (python) {
            SyntheticPip.Command c = SyntheticPip.uninstall(start, removed, model.timing(), random, seen);
            return new Operation(start, c.exit(), c.lastEvent(), c.events(), Map.of(), c.fileEvents(),
                    installed, after, epoch);
        }
        return fromR(rRemove(start, removed), installed, after, epoch);
    }

    private Operation build(long start, List<Distribution> dependencies, List<Distribution> requested,
                            Map<String, Distribution> installed, int epoch, Observation seen) {
        Map<String, Distribution> after = new LinkedHashMap<>(installed);
        dependencies.forEach(d -> after.put(d.key(), d));
        requested.forEach(d -> after.put(d.key(), d));
        if (python) {
            SyntheticPip.Command c = SyntheticPip.install(start, dependencies, requested, installed, model.timing(),
                    random, seen);
            return new Operation(start, c.exit(), c.lastEvent(), c.events(), Map.of(), c.fileEvents(),
                    installed, after, epoch);
        }
        List<Distribution> all = new ArrayList<>(dependencies);
        all.addAll(requested);
        return fromR(rInstall(start, all, installed), installed, after, epoch);
    }

    private List<SyntheticR.Script> rInstall(long start, List<Distribution> all, Map<String, Distribution> installed) {
        List<SyntheticR.Script> scripts = new ArrayList<>();
        long t = start;
        for (Distribution d : all) {
            long build = d.files() * model.timing().compileGapMean() * 20 + 500_000_000L;
            SyntheticR.Script s = SyntheticR.install(t, d.name(), d.version(), d.files(), installed.containsKey(d.key()),
                    scripts.isEmpty() ? resolve() : 5_000_000L, build, 0, random);
            scripts.add(s);
            t = s.lastEvent();
        }
        return scripts;
    }

    private List<SyntheticR.Script> rRemove(long start, List<Distribution> removed) {
        List<SyntheticR.Script> scripts = new ArrayList<>();
        long t = start;
        for (Distribution d : removed) {
            SyntheticR.Script s = SyntheticR.remove(t, d.name(), d.files(), scripts.isEmpty() ? resolve() : 1_000_000L, 0);
            scripts.add(s);
            t = s.lastEvent();
        }
        return scripts;
    }

    private Operation fromR(List<SyntheticR.Script> scripts, Map<String, Distribution> before,
                            Map<String, Distribution> after, int epoch) {
        List<dev.ferry.trace.TraceLine.FileEvent> events = new ArrayList<>();
        Map<String, String> contents = new LinkedHashMap<>();
        long count = 0;
        for (SyntheticR.Script s : scripts) {
            events.addAll(s.events());
            contents.putAll(s.contents());
            count += s.fileEvents();
        }
        long last = scripts.get(scripts.size() - 1).lastEvent();
        long exit = last + model.timing().exitMin() + (long) (random.nextDouble()
                * (model.timing().exitMax() - model.timing().exitMin()));
        return new Operation(scripts.get(0).start(), exit, last, events, contents, count, before, after, epoch);
    }

    private long resolve() {
        return model.timing().resolveMin()
                + (long) (random.nextDouble() * (model.timing().resolveMax() - model.timing().resolveMin()));
    }

    private List<Distribution> pickNew(int count, Map<String, Distribution> installed, Set<String> taken) {
        List<Distribution> picked = new ArrayList<>();
        Set<String> seen = new HashSet<>(taken);
        for (int tries = 0; tries < count * 20 + 20 && picked.size() < count; tries++) {
            String name = catalog.name(popularity.sample());
            String key = Distribution.keyOf(name);
            if (!installed.containsKey(key) && seen.add(key)) {
                picked.add(new Distribution(name, Catalog.version(random.nextInt(Catalog.versions())), fileCount()));
            }
        }
        return picked;
    }

    private int fileCount() {
        return (int) Math.max(1, Math.min(model.filesMax(), Math.round(files.sample())));
    }

    private int geometric(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double p = 1 / (1 + mean);
        int n = 0;
        while (random.nextDouble() >= p && n < 1000) {
            n++;
        }
        return n;
    }

    private static int versionIndex(String version) {
        for (int i = 0; i < Catalog.versions(); i++) {
            if (Catalog.version(i).equals(version)) {
                return i;
            }
        }
        return 0;
    }
}
