package dev.ferry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The gap sampler draws exactly what the libraries' lognormal samplers draw: the same values from the same
 * random numbers, and as many of them, so that no seeded figure moves.
 */
class GapSamplerTest {

    /** The sampler as it was written on the libraries: pick by weight, lognormal, clamp, round. */
    private static long reference(PipTiming.Gap gap, UniformRandomProvider rng, ContinuousDistribution.Sampler[] parts) {
        int i = 0;
        if (parts.length > 1) {
            double u = rng.nextDouble();
            double sum = 0;
            for (i = 0; i < parts.length - 1; i++) {
                sum += gap.components().get(i).weight();
                if (u < sum) {
                    break;
                }
            }
        }
        double ms = Math.min(gap.maxMs(), Math.max(gap.minMs(), parts[i].sample()));
        return Math.round(ms * 1e6);
    }

    private static void sameDraws(PipTiming.Gap gap, long seed, int draws) {
        SplittableRandom a = new SplittableRandom(seed);
        SplittableRandom b = new SplittableRandom(seed);
        UniformRandomProvider ra = a::nextLong;
        UniformRandomProvider rb = b::nextLong;
        ContinuousDistribution.Sampler[] parts = gap.components().stream()
                .map(c -> LogNormalDistribution.of(c.logMean(), c.logSd()).createSampler(rb))
                .toArray(ContinuousDistribution.Sampler[]::new);
        PipTiming.Sampler sampler = gap.sampler(ra);
        for (int k = 0; k < draws; k++) {
            assertThat(sampler.nanos()).as("draw %d of %s", k, gap).isEqualTo(reference(gap, rb, parts));
        }
        assertThat(a.nextLong()).as("as many random numbers used").isEqualTo(b.nextLong());
    }

    @Test
    @DisplayName("every gap of the recorded model: a million draws each, the same as the libraries' samplers")
    void recordedGaps() {
        PipTiming t = PipTiming.RECORDED;
        for (PipTiming.Gap gap : List.of(t.resolve(), t.exit(), t.writeGap(), t.compileGap(), t.removeGap(),
                t.distributionGap(), t.uninstallGap())) {
            sameDraws(gap, 42, 1_000_000);
        }
    }

    @Test
    @DisplayName("gaps near zero and clamped at both ends, where rounding a half is the delicate case")
    void smallAndClampedGaps() {
        sameDraws(PipTiming.Gap.logNormal(-14, 2, 0, 1e-5), 7, 200_000);
        sameDraws(PipTiming.Gap.logNormal(-13.8, 0.01, 0, 1), 8, 200_000);
        sameDraws(PipTiming.Gap.logNormal(3, 3, 1, 40), 9, 200_000);
        sameDraws(new PipTiming.Gap(List.of(new PipTiming.Component(0.5, -6, 1), new PipTiming.Component(0.5, 20, 1)),
                0, 1e12), 10, 200_000);
    }
}
