package dev.ferry.sim.world;

import dev.ferry.sim.fs.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;

/**
 * The packages users can install: {@code size} names, the most popular first (Zipf), each with a
 * few versions. The image installs the first {@code imageSize} at version 1.0; users install
 * popular packages more often.
 */
public final class Catalog {

    private static final String[] VERSIONS = {"1.0", "1.1", "2.0", "2.1.post1", "3.0"};

    private final int size;
    /** Every name, made once: users draw names from the catalog at every command. */
    private final String[] names;

    public Catalog(int size, String prefix) {
        this.size = size;
        this.names = new String[size];
        for (int i = 0; i < size; i++) {
            names[i] = prefix + String.format("%04d", i);
        }
    }

    public String name(int index) {
        return names[index];
    }

    public int size() {
        return size;
    }

    public static String version(int index) {
        return VERSIONS[index];
    }

    public static int versions() {
        return VERSIONS.length;
    }

    /** The image's distributions: the {@code count} most popular at their first version. */
    public List<Distribution> image(int count, int filesEach) {
        List<Distribution> image = new ArrayList<>();
        for (int i = 0; i < Math.min(count, size); i++) {
            image.add(new Distribution(name(i), VERSIONS[0], filesEach));
        }
        return image;
    }

    /** A sampler of package indexes (0-based) by popularity. */
    public DiscreteSampler popularity(UniformRandomProvider random) {
        DiscreteSampler zipf = RejectionInversionZipfSampler.of(random, size, 1.0);
        return () -> zipf.sample() - 1;
    }

    /** Draws a version index other than {@code current}. */
    public static int otherVersion(int current, RandomGenerator random) {
        int next = random.nextInt(VERSIONS.length - 1);
        return next >= current ? next + 1 : next;
    }
}
