package dev.ferry.tracker.debounce;

import static dev.ferry.tracker.watch.FsEvent.Kind.CREATED;
import static dev.ferry.tracker.watch.FsEvent.Kind.DELETED;
import static dev.ferry.tracker.watch.FsEvent.Kind.MODIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.tracker.watch.FsEvent;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pip-aware debouncer, driven by hand: each test states the events and the deadline it must answer. */
class PipAwareDebouncerTest {

    private static final long MS = 1_000_000L;
    private static final DebounceSettings SETTINGS = new DebounceSettings(Duration.ofMillis(50),
            Duration.ofMillis(500), Duration.ofMillis(400), Duration.ofSeconds(15), Duration.ofSeconds(30));

    private final PipAwareDebouncer debouncer = new PipAwareDebouncer(SETTINGS);

    private void top(long atMs, FsEvent.Kind kind, String name) {
        debouncer.onEvent(FsEvent.top(0, kind, name), atMs * MS);
    }

    private void child(long atMs, FsEvent.Kind kind, String top, String name) {
        debouncer.onEvent(FsEvent.child(0, kind, top, name), atMs * MS);
    }

    /** pip's last steps for one distribution: INSTALLER and RECORD through temporary names. */
    private void finish(long atMs, String distInfo, boolean requested) {
        child(atMs, CREATED, distInfo, "INSTALLERab12cd34.tmp");
        child(atMs, DELETED, distInfo, "INSTALLERab12cd34.tmp");
        child(atMs, CREATED, distInfo, "INSTALLER");
        if (requested) {
            child(atMs, CREATED, distInfo, "REQUESTED");
        }
        child(atMs, CREATED, distInfo, "RECORDef56gh78.tmp");
        child(atMs, DELETED, distInfo, "RECORDef56gh78.tmp");
        child(atMs, CREATED, distInfo, "RECORD");
    }

    @Test
    @DisplayName("with nothing recorded there is no deadline")
    void idle() {
        assertThat(debouncer.deadline()).isEqualTo(Debouncer.NONE);
    }

    @Test
    @DisplayName("an event with no sign of an unfinished operation flushes after the settle time")
    void plainEventSettles() {
        top(1000, MODIFIED, "distutils-precedence.pth");
        assertThat(debouncer.deadline()).isEqualTo(1050 * MS);
        top(1030, MODIFIED, "distutils-precedence.pth");
        assertThat(debouncer.deadline()).as("each event pushes the deadline").isEqualTo(1080 * MS);
    }

    @Nested
    @DisplayName("an install")
    class Install {

        @Test
        @DisplayName("holds while the dist-info folder is open, even through silent byte-compiling")
        void holdsWhileOpen() {
            top(0, CREATED, "numpy-2.4.6.dist-info");
            top(1, CREATED, "numpy");
            child(400, CREATED, "numpy-2.4.6.dist-info", "RECORD"); // the wheel's own RECORD, extracted
            assertThat(debouncer.deadline()).as("open: busy hold from the last event").isEqualTo(15_400 * MS);
        }

        @Test
        @DisplayName("settles as soon as the final RECORD of a requested distribution lands")
        void settlesAfterFinalRecord() {
            top(0, CREATED, "numpy-2.4.6.dist-info");
            child(400, CREATED, "numpy-2.4.6.dist-info", "RECORD");
            finish(2200, "numpy-2.4.6.dist-info", true);
            assertThat(debouncer.deadline()).isEqualTo(2250 * MS);
            assertThat(debouncer.holdsSigns()).isFalse();
        }

        @Test
        @DisplayName("holds a little longer after a dependency, because what needs it comes next")
        void holdsAfterDependency() {
            top(0, CREATED, "idna-3.13.dist-info");
            finish(10, "idna-3.13.dist-info", false);
            assertThat(debouncer.deadline()).isEqualTo(410 * MS);
            top(90, CREATED, "requests-2.34.2.dist-info"); // 80 ms later, as under CPU load
            finish(120, "requests-2.34.2.dist-info", true);
            assertThat(debouncer.deadline()).isEqualTo(170 * MS);
        }

        @Test
        @DisplayName("a final RECORD seen when the folder is listed after INSTALLER also closes it")
        void recordAfterInstallerCloses() {
            top(0, CREATED, "six-1.17.0.dist-info");
            child(1, CREATED, "six-1.17.0.dist-info", "INSTALLER");
            child(1, CREATED, "six-1.17.0.dist-info", "REQUESTED");
            child(1, CREATED, "six-1.17.0.dist-info", "RECORD");
            assertThat(debouncer.deadline()).isEqualTo(51 * MS);
        }

        @Test
        @DisplayName("a top-level module written before its dist-info is held as a stray until a distribution finishes")
        void strayModule() {
            top(0, CREATED, "_yaml");
            assertThat(debouncer.deadline()).isEqualTo(500 * MS);
            top(1, CREATED, "pyyaml-6.0.3.dist-info");
            finish(100, "pyyaml-6.0.3.dist-info", true);
            assertThat(debouncer.deadline()).isEqualTo(150 * MS);
        }
    }

    @Nested
    @DisplayName("an uninstall or upgrade")
    class Stash {

        @Test
        @DisplayName("holds while a ~ stash exists and settles once it is deleted")
        void holdsWhileStashed() {
            top(0, CREATED, "~lick-8.4.0.dist-info");
            top(0, DELETED, "~lick-8.4.0.dist-info");
            top(0, DELETED, "click-8.4.0.dist-info");
            top(0, CREATED, "~lick-8.4.0.dist-info");
            top(1, DELETED, "click");
            top(1, CREATED, "~lick");
            assertThat(debouncer.deadline()).isEqualTo(15_001 * MS);
            top(3, DELETED, "~lick-8.4.0.dist-info");
            assertThat(debouncer.deadline()).as("one stash left").isEqualTo(15_003 * MS);
            top(6, DELETED, "~lick");
            assertThat(debouncer.deadline()).isEqualTo(56 * MS);
        }

        @Test
        @DisplayName("a stash left behind by a killed pip is forgotten after a full hold of quiet")
        void staleStashForgotten() {
            top(0, CREATED, "~umpy");
            assertThat(debouncer.deadline()).isEqualTo(15_000 * MS);
            debouncer.flushed(15_000 * MS);
            top(20_000, MODIFIED, "easy-install.pth");
            assertThat(debouncer.deadline()).isEqualTo(20_050 * MS);
        }
    }

    @Test
    @DisplayName("an R install holds while its 00LOCK folder exists")
    void rLock() {
        top(0, CREATED, "00LOCK-ggplot2");
        top(5, CREATED, "ggplot2");
        assertThat(debouncer.deadline()).isEqualTo(15_005 * MS);
        top(9, DELETED, "00LOCK-ggplot2");
        assertThat(debouncer.deadline()).isEqualTo(59 * MS);
    }

    @Test
    @DisplayName("an R package compiled for longer than the busy hold still settles when its lock goes")
    void rLockForgottenDuringLongCompile() {
        top(0, CREATED, "00LOCK-arrow");
        debouncer.flushed(15_000 * MS); // the hold ran out while R compiled silently
        top(40_000, CREATED, "arrow"); // the staged install moves in: looks like a stray now
        assertThat(debouncer.deadline()).isEqualTo(40_500 * MS);
        top(40_001, DELETED, "00LOCK-arrow");
        assertThat(debouncer.deadline()).isEqualTo(40_051 * MS);
    }

    @Test
    @DisplayName("a storm that never pauses still flushes at the max wait after its first event")
    void maxWait() {
        top(0, CREATED, "torch-2.0.dist-info");
        for (long t = 0; t < 40_000; t += 100) {
            top(t, MODIFIED, "torch-2.0.dist-info");
        }
        assertThat(debouncer.deadline()).isEqualTo(30_000 * MS);
        debouncer.flushed(30_000 * MS);
        assertThat(debouncer.deadline()).isEqualTo(Debouncer.NONE);
        top(40_000, MODIFIED, "torch-2.0.dist-info");
        assertThat(debouncer.deadline()).as("still open: hold, and a new max-wait window").isEqualTo(55_000 * MS);
    }

    @Test
    @DisplayName("an overflow, when events were lost, waits for the stray hold and forgets all signs")
    void overflow() {
        top(0, CREATED, "~umpy");
        debouncer.onEvent(FsEvent.overflow(0), 10 * MS);
        assertThat(debouncer.deadline()).isEqualTo(510 * MS);
    }

    @Test
    @DisplayName("after a flush nothing is pending until the next event")
    void flushedClears() {
        top(0, MODIFIED, "x.pth");
        debouncer.flushed(50 * MS);
        assertThat(debouncer.deadline()).isEqualTo(Debouncer.NONE);
    }
}
