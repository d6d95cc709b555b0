package dev.ferry.sim.peloton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    @DisplayName("a fixed latency draws nothing from the generator")
    void fixedDrawsNothing() {
        RandomGenerator untouchable = () -> {
            throw new AssertionError("drew from the generator");
        };
        assertThat(Latency.fixed(Duration.ofSeconds(3)).sampleNanos(untouchable)).isEqualTo(3_000_000_000L);
    }

    @Test
    @DisplayName("uniform samples stay within [min, max]; the random ones are never negative")
    void bounds() {
        SplittableRandom random = new SplittableRandom(1);
        Latency uniform = Latency.uniform(Duration.ofSeconds(1), Duration.ofSeconds(2));
        Latency exp = Latency.exponential(Duration.ofSeconds(5));
        Latency logNormal = Latency.logNormal(Duration.ofSeconds(5), 1.0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(uniform.sampleNanos(random)).isBetween(1_000_000_000L, 2_000_000_000L);
            assertThat(exp.sampleNanos(random)).isNotNegative();
            assertThat(logNormal.sampleNanos(random)).isNotNegative();
        }
    }

    @Test
    @DisplayName("negative durations and max below min are rejected")
    void rejectsNonsense() {
        assertThatThrownBy(() -> Latency.fixed(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latency.uniform(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latency.logNormal(Duration.ofSeconds(1), -0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
