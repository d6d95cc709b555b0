package dev.ferry.tracker.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real inotify watcher on a real directory. */
class JdkWatcherTest {

    @TempDir
    Path dir;

    /** Polls until an event matching {@code wanted} arrives, for at most ten seconds. */
    private static List<FsEvent> pollUntil(JdkWatcher watcher, Predicate<FsEvent> wanted) throws IOException {
        List<FsEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<FsEvent> batch = watcher.poll(200);
            seen.addAll(batch);
            if (batch.stream().anyMatch(wanted)) {
                return seen;
            }
        }
        throw new AssertionError("event not seen within 10 s; saw " + seen);
    }

    @Test
    @DisplayName("reports top-level entries and the files of a new dist-info folder, nothing deeper")
    void topLevelAndDistInfo() throws Exception {
        Path sp = Files.createDirectories(dir.resolve("site-packages"));
        try (JdkWatcher watcher = new JdkWatcher(List.of(sp))) {
            Path info = Files.createDirectory(sp.resolve("alpha-1.0.dist-info"));
            Files.writeString(info.resolve("METADATA"), "Name: alpha\nVersion: 1.0\n");
            Path pkg = Files.createDirectories(sp.resolve("alpha/sub"));
            Files.writeString(pkg.resolve("deep.py"), "x = 1\n");
            Files.writeString(info.resolve("RECORDabc.tmp"), "");
            Files.move(info.resolve("RECORDabc.tmp"), info.resolve("RECORD"));
            List<FsEvent> events = pollUntil(watcher, e -> "RECORD".equals(e.child()) && e.kind() == FsEvent.Kind.CREATED);
            assertThat(events).contains(FsEvent.top(0, FsEvent.Kind.CREATED, "alpha-1.0.dist-info"),
                    FsEvent.top(0, FsEvent.Kind.CREATED, "alpha"),
                    FsEvent.child(0, FsEvent.Kind.CREATED, "alpha-1.0.dist-info", "METADATA"));
            assertThat(events).noneMatch(e -> "sub".equals(e.child()) || "deep.py".equals(e.child()));
        }
    }

    @Test
    @DisplayName("watches the entries of every folder its scope names, and still nothing deeper")
    void widerScope() throws Exception {
        Path sp = Files.createDirectories(dir.resolve("site-packages"));
        WatchScope alsoAlpha = name -> WatchScope.DIST_INFO.watchesInside(name) || name.equals("alpha");
        try (JdkWatcher watcher = new JdkWatcher(List.of(sp), alsoAlpha)) {
            Path pkg = Files.createDirectory(sp.resolve("alpha"));
            pollUntil(watcher, e -> "alpha".equals(e.top()) && e.isTopLevel());
            Files.createDirectories(pkg.resolve("sub"));
            Files.writeString(pkg.resolve("sub/deep.py"), "x = 1\n");
            Files.writeString(pkg.resolve("__init__.py"), "");
            List<FsEvent> events = pollUntil(watcher, e -> "__init__.py".equals(e.child()));
            assertThat(events).contains(FsEvent.child(0, FsEvent.Kind.CREATED, "alpha", "sub"));
            assertThat(events).noneMatch(e -> "deep.py".equals(e.child()));
        }
    }

    @Test
    @DisplayName("a dist-info moved away stops being watched under its old name")
    void movedAway() throws Exception {
        Path sp = Files.createDirectories(dir.resolve("site-packages"));
        try (JdkWatcher watcher = new JdkWatcher(List.of(sp))) {
            Path info = Files.createDirectory(sp.resolve("click-8.4.0.dist-info"));
            pollUntil(watcher, e -> e.kind() == FsEvent.Kind.CREATED && e.isTopLevel());
            Files.move(info, sp.resolve("~lick-8.4.0.dist-info"));
            Files.writeString(sp.resolve("~lick-8.4.0.dist-info/RECORD"), "");
            Files.writeString(sp.resolve("marker.pth"), "");
            List<FsEvent> events = pollUntil(watcher, e -> "marker.pth".equals(e.top()));
            assertThat(events).contains(FsEvent.top(0, FsEvent.Kind.DELETED, "click-8.4.0.dist-info"),
                    FsEvent.top(0, FsEvent.Kind.CREATED, "~lick-8.4.0.dist-info"));
            assertThat(events).noneMatch(e -> "click-8.4.0.dist-info".equals(e.top()) && e.child() != null);
        }
    }

    @Test
    @DisplayName("an environment deleted and created again is reported as an overflow, so the tracker rescans")
    void recreated() throws Exception {
        Path sp = Files.createDirectories(dir.resolve("site-packages"));
        try (JdkWatcher watcher = new JdkWatcher(List.of(sp))) {
            Files.delete(sp);
            pollUntil(watcher, e -> e.kind() == FsEvent.Kind.OVERFLOW);
            Files.createDirectories(sp);
            pollUntil(watcher, e -> e.kind() == FsEvent.Kind.OVERFLOW);
            Files.createDirectory(sp.resolve("beta-2.0.dist-info"));
            pollUntil(watcher, e -> "beta-2.0.dist-info".equals(e.top()));
        }
    }
}
