package dev.ferry.load;

import dev.ferry.model.PipModel;
import dev.ferry.model.PipTiming;
import dev.ferry.model.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The shape of an agent's uploads, from {@code model/pip.yaml}: each pip command is an install (one distribution and
 * a geometric number of dependencies), an upgrade (one) or an uninstall (1 + geometric), in the model's mix, and a
 * tracker that checkpoints once per distribution (the worst case: a quiet-period tracker; the pip-aware one writes
 * one per command) uploads one checkpoint per distribution, the model's gap between distributions apart.
 */
final class PipBursts {

    private static final PipModel MODEL = read();
    private static final ThreadLocal<UniformRandomProvider> RANDOM =
            ThreadLocal.withInitial(() -> RandomSource.SPLIT_MIX_64.create());
    private static final ThreadLocal<PipTiming.Sampler> GAPS =
            ThreadLocal.withInitial(() -> MODEL.timing().distributionGap().sampler(RANDOM.get()));

    private PipBursts() {
    }

    /** Checkpoints one pip command makes, drawn from the model's mix. */
    static int uploadsOfOneCommand() {
        UniformRandomProvider random = RANDOM.get();
        double roll = random.nextDouble();
        if (roll < MODEL.installShare()) {
            return 1 + geometric(random, MODEL.dependenciesPerInstallMean());
        }
        if (roll < MODEL.installShare() + MODEL.upgradeShare()) {
            return 1;
        }
        return 1 + geometric(random, MODEL.uninstallMean() - 1);
    }

    /** The mean of {@link #uploadsOfOneCommand()}. */
    static double meanUploadsPerCommand() {
        return MODEL.installShare() * (1 + MODEL.dependenciesPerInstallMean()) + MODEL.upgradeShare()
                + MODEL.uninstallShare() * MODEL.uninstallMean();
    }

    /** The gap between two distributions of one command. */
    static Duration gap() {
        return Duration.ofNanos(GAPS.get().nanos());
    }

    /** A geometric count on 0, 1, 2, ... with mean {@code mean}. */
    private static int geometric(UniformRandomProvider random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double p = 1 / (1 + mean);
        return (int) Math.min(1_000, Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p)));
    }

    private static PipModel read() {
        try {
            return PipModel.read(Path.of("model/pip.yaml"));
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
