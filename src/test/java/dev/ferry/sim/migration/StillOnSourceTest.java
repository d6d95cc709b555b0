package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.reconcile.HoldReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a session left on the source carries the reason the scheduler's latest full pass held it back for")
class StillOnSourceTest {

    private static final HoldReason NO_GPU = new HoldReason.NoCapacity(List.of("k8s-a1", "k8s-b1"),
            "no cluster has room for 8 cpu, 61 GiB, 1 GPU now: k8s-a1 has only 0 GPUs free; k8s-b1 has only 0 GPUs"
                    + " free", true);

    @Test
    @DisplayName("held back: the hold's code and its sentence for operators")
    void held() {
        StillOnSource s = StillOnSource.of(1202, "s-01202", Optional.of(NO_GPU));

        assertThat(s.reason()).isEqualTo("no-capacity");
        assertThat(s.detail()).startsWith("no cluster has room for 8 cpu, 61 GiB, 1 GPU now");
        assertThat(s.session()).isEqualTo(1202);
        assertThat(s.sessionId()).isEqualTo("s-01202");
    }

    @Test
    @DisplayName("not held back by that pass: not-held, with no sentence")
    void notHeld() {
        StillOnSource s = StillOnSource.of(7, "s-00007", Optional.empty());

        assertThat(s.reason()).isEqualTo(StillOnSource.NOT_HELD);
        assertThat(s.detail()).isEmpty();
    }

    @Test
    @DisplayName("counted by reason, in the reasons' order")
    void byReason() {
        List<StillOnSource> left = List.of(StillOnSource.of(1, "s-00001", Optional.of(NO_GPU)),
                StillOnSource.of(2, "s-00002", Optional.of(new HoldReason.NotIdle(0, 1_800_000))),
                StillOnSource.of(3, "s-00003", Optional.of(NO_GPU)), StillOnSource.of(4, "s-00004", Optional.empty()));

        assertThat(StillOnSource.byReason(left)).containsExactly(java.util.Map.entry("no-capacity", 2),
                java.util.Map.entry("not-held", 1), java.util.Map.entry("not-idle", 1));
        assertThat(StillOnSource.byReason(List.of())).isEmpty();
    }
}
