package dev.ferry.api.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.time.ManualTime;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever order uploads arrive in, the stored generation is the largest one offered and never went back. */
class UploadOrderProperties {

    @Property(tries = 200)
    void storedGenerationIsTheMaximumAndNeverGoesBack(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 20) Integer> generations) {
        ControlPlane plane = new ControlPlane(new InMemorySessionStore(), new ManualTime());
        long seen = 0;
        for (int g : generations) {
            UploadOutcome outcome = Durable.answer(plane.upload("s", Checkpoints.text(g, g)));
            assertThat(outcome.accepted()).isEqualTo(g >= seen);
            long stored = plane.status("s").orElseThrow().generation();
            assertThat(stored).isGreaterThanOrEqualTo(seen);
            seen = stored;
        }
        assertThat(seen).isEqualTo(generations.stream().mapToLong(Integer::longValue).max().orElseThrow());
        assertThat(plane.checkpointText("s")).contains(Checkpoints.text(seen, seen));
    }
}
