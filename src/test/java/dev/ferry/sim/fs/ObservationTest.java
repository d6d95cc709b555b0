package dev.ferry.sim.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.PipTiming;
import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.watch.FsEvent;
import dev.ferry.tracker.watch.WatchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A synthetic pip command keeps the events its tracker can observe, asked of the simulation's watcher: with the
 * tracker's own scope nothing inside a package folder is materialized; a watcher that registered one more folder
 * would see that folder's events, at the same times, in a command that lasts exactly as long.
 */
class ObservationTest {

    private static final Distribution NUMPY = new Distribution("numpy", "2.0", 60);
    private static final Distribution SIX = new Distribution("six", "1.16", 3);
    /** The tracker's scope and one more folder: the package folder of numpy. */
    private static final WatchScope ALSO_NUMPY = name -> WatchScope.DIST_INFO.watchesInside(name) || name.equals("numpy");

    private static SyntheticPip.Command install(Observation seen) {
        return SyntheticPip.install(1_000_000_000L, List.of(SIX), List.of(NUMPY), Map.of(), PipTiming.RECORDED,
                new SplittableRandom(42), seen);
    }

    private static List<FsEvent> watched(SyntheticPip.Command command, JdkEventTranslator watcher) {
        List<FsEvent> out = new ArrayList<>();
        for (TraceLine.FileEvent event : command.events()) {
            FsEvent seen = watcher.translate(event);
            if (seen != null) {
                out.add(seen);
            }
        }
        return out;
    }

    @Nested
    @DisplayName("with the tracker's own watcher")
    class TrackersScope {

        private final JdkEventTranslator watcher = new JdkEventTranslator(0);
        private final SyntheticPip.Command command = install(watcher.observation(EnvironmentKind.PYTHON));

        @Test
        @DisplayName("the events inside package folders are counted, not materialized")
        void packageFilesCountedOnly() {
            assertThat(command.events()).noneMatch(e -> e.path().startsWith("numpy/") || e.path().startsWith("six/"));
            assertThat(command.fileEvents()).isGreaterThan(command.events().size() * 2L);
        }

        @Test
        @DisplayName("every event of the top level and of each dist-info is materialized")
        void topLevelAndDistInfoKept() {
            SyntheticPip.Command all = install(Observation.EVERYTHING);
            List<TraceLine.FileEvent> expected = all.events().stream()
                    .filter(e -> e.path().indexOf('/') < 0 || e.path().substring(0, e.path().indexOf('/')).endsWith(".dist-info")
                            && e.path().indexOf('/', e.path().indexOf('/') + 1) < 0)
                    .toList();
            assertThat(command.events()).isEqualTo(expected);
            assertThat(all.events()).hasSize((int) all.fileEvents());
        }
    }

    @Nested
    @DisplayName("if the tracker watched one more folder")
    class OneMoreFolder {

        private final JdkEventTranslator wider = new JdkEventTranslator(0, ALSO_NUMPY);
        private final SyntheticPip.Command command = install(wider.observation(EnvironmentKind.PYTHON));
        private final SyntheticPip.Command usual = install(new JdkEventTranslator(0).observation(EnvironmentKind.PYTHON));

        @Test
        @DisplayName("its watcher would see that folder's entries")
        void itsEventsAppear() {
            List<FsEvent> seen = watched(command, wider);
            assertThat(seen).contains(FsEvent.child(0, FsEvent.Kind.CREATED, "numpy", "__pycache__"));
            assertThat(seen).anyMatch(e -> "numpy".equals(e.top()) && e.child() != null && e.child().endsWith(".py"));
            assertThat(watched(usual, new JdkEventTranslator(0))).noneMatch(e -> "numpy".equals(e.top()) && e.child() != null);
        }

        @Test
        @DisplayName("and no more than its direct entries: nothing in sub-folders or __pycache__")
        void nothingDeeper() {
            assertThat(command.events()).noneMatch(e -> e.path().chars().filter(c -> c == '/').count() > 1);
            assertThat(command.events()).noneMatch(e -> e.path().startsWith("six/"));
        }

        @Test
        @DisplayName("the command lasts as long and every other event comes at the same time")
        void sameTiming() {
            assertThat(command.fileEvents()).isEqualTo(usual.fileEvents());
            assertThat(command.exit()).isEqualTo(usual.exit());
            assertThat(command.events()).containsSubsequence(usual.events());
            assertThat(command.events().size()).isGreaterThan(usual.events().size());
        }
    }

    @Test
    @DisplayName("what the scanner reads is materialized even where no watcher looks")
    void scannerReadsKept() {
        SyntheticPip.Command command = install(Observation.of(name -> false, EnvironmentKind.PYTHON));
        assertThat(command.events()).extracting(TraceLine.FileEvent::path)
                .contains("numpy-2.0.dist-info/RECORD", "numpy-2.0.dist-info/METADATA", "numpy-2.0.dist-info", "numpy")
                .doesNotContain("numpy-2.0.dist-info/WHEEL", "numpy-2.0.dist-info/INSTALLER");
    }

    @Test
    @DisplayName("a restore's pip, which nothing watches, materializes nothing and takes as long")
    void nothingObserved() {
        SyntheticPip.Command none = install(Observation.NOTHING);
        SyntheticPip.Command all = install(Observation.EVERYTHING);
        assertThat(none.events()).isEmpty();
        assertThat(none.fileEvents()).isEqualTo(all.fileEvents());
        assertThat(none.exit()).isEqualTo(all.exit());
    }
}
