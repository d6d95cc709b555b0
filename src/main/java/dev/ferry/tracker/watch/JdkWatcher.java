package dev.ferry.tracker.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches environments with the JDK's watch service (inotify on Linux): each environment's top
 * level, and each folder of its {@link WatchScope} that appears in it (the tracker's: each
 * {@code *.dist-info} while pip writes it). Nothing deeper: the debouncer needs no event from inside
 * a package's own files.
 *
 * <p>A folder registered after its creation may already hold files whose events were lost, so it
 * is listed right after registering and its entries reported as created. When the JDK signals
 * OVERFLOW, or an environment directory is deleted and later recreated, the watcher reports
 * {@link FsEvent.Kind#OVERFLOW} so the tracker rescans from scratch.
 *
 * <p>Not thread-safe: one thread calls {@link #poll(long)} in a loop and hands the events on.
 */
public final class JdkWatcher implements Closeable {

    /** What a watch key stands for: an environment's top level, or a folder inside it. */
    private record Target(int env, String top) {
    }

    private final List<Path> roots;
    private final WatchService service;
    private final Map<WatchKey, Target> targets = new HashMap<>();
    private final Map<String, WatchKey> childKeys = new HashMap<>();
    private final boolean[] rootWatched;
    private final WatchScope scope;

    /** Watches {@code roots} as the tracker does ({@link WatchScope#DIST_INFO}). */
    public JdkWatcher(List<Path> roots) throws IOException {
        this(roots, WatchScope.DIST_INFO);
    }

    /** Watches each of {@code roots} and the folders in it that {@code scope} names. */
    public JdkWatcher(List<Path> roots, WatchScope scope) throws IOException {
        this.roots = List.copyOf(roots);
        this.scope = scope;
        this.service = FileSystems.getDefault().newWatchService();
        this.rootWatched = new boolean[roots.size()];
        for (int env = 0; env < roots.size(); env++) {
            watchRoot(env, new ArrayList<>());
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for events and returns those that arrived (possibly none).
     * Also notices environment directories that were deleted or have come back.
     */
    public List<FsEvent> poll(long timeoutMillis) throws IOException {
        List<FsEvent> out = new ArrayList<>();
        WatchKey key;
        try {
            key = service.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        } catch (ClosedWatchServiceException e) {
            return out;
        }
        while (key != null) {
            handle(key, out);
            key = service.poll();
        }
        for (int env = 0; env < roots.size(); env++) {
            if (!rootWatched[env] && Files.isDirectory(roots.get(env))) {
                watchRoot(env, out);
                out.add(FsEvent.overflow(env));
            }
        }
        return out;
    }

    private void handle(WatchKey key, List<FsEvent> out) throws IOException {
        Target target = targets.get(key);
        if (target == null) {
            key.cancel();
            return;
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            WatchEvent.Kind<?> kind = event.kind();
            if (kind == StandardWatchEventKinds.OVERFLOW) {
                out.add(FsEvent.overflow(target.env()));
                relistRoot(target.env(), out);
                continue;
            }
            String name = event.context().toString();
            FsEvent.Kind translated = kind == StandardWatchEventKinds.ENTRY_CREATE ? FsEvent.Kind.CREATED
                    : kind == StandardWatchEventKinds.ENTRY_DELETE ? FsEvent.Kind.DELETED : FsEvent.Kind.MODIFIED;
            if (target.top() == null) {
                onTopLevel(target.env(), translated, name, out);
            } else {
                out.add(FsEvent.child(target.env(), translated, target.top(), name));
            }
        }
        if (!key.reset()) {
            targets.remove(key);
            if (target.top() == null) {
                rootWatched[target.env()] = false;
                dropChildren(target.env());
                out.add(FsEvent.overflow(target.env()));
            } else {
                childKeys.remove(childId(target.env(), target.top()));
            }
        }
    }

    private void onTopLevel(int env, FsEvent.Kind kind, String name, List<FsEvent> out) throws IOException {
        out.add(FsEvent.top(env, kind, name));
        if (!scope.watchesInside(name)) {
            return;
        }
        if (kind == FsEvent.Kind.CREATED) {
            watchChild(env, name, out);
        } else if (kind == FsEvent.Kind.DELETED) {
            WatchKey stale = childKeys.remove(childId(env, name));
            if (stale != null) {
                targets.remove(stale);
                stale.cancel();
            }
        }
    }

    private void watchRoot(int env, List<FsEvent> out) throws IOException {
        Path root = roots.get(env);
        if (!Files.isDirectory(root)) {
            return;
        }
        WatchKey key = root.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        targets.put(key, new Target(env, null));
        rootWatched[env] = true;
        relistRoot(env, out);
    }

    /** Watches every folder of the scope that has no watch, a dist-info only while being written (no RECORD yet). */
    private void relistRoot(int env, List<FsEvent> out) throws IOException {
        for (String name : list(roots.get(env))) {
            if (scope.watchesInside(name) && !childKeys.containsKey(childId(env, name))
                    && !(name.endsWith(".dist-info") && Files.exists(roots.get(env).resolve(name).resolve("RECORD")))) {
                watchChild(env, name, out);
            }
        }
    }

    private void watchChild(int env, String top, List<FsEvent> out) throws IOException {
        Path dir = roots.get(env).resolve(top);
        WatchKey key;
        try {
            key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return;
        }
        WatchKey previous = childKeys.put(childId(env, top), key);
        if (previous != null && previous != key) {
            targets.remove(previous);
            previous.cancel();
        }
        targets.put(key, new Target(env, top));
        List<String> present = list(dir);
        present.sort(Comparator.comparing((String n) -> n.equals("RECORD")).thenComparing(Comparator.naturalOrder()));
        for (String child : present) {
            out.add(FsEvent.child(env, FsEvent.Kind.CREATED, top, child));
        }
    }

    private void dropChildren(int env) {
        childKeys.entrySet().removeIf(entry -> {
            Target target = targets.get(entry.getValue());
            if (target != null && target.env() == env) {
                targets.remove(entry.getValue());
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    private static String childId(int env, String top) {
        return env + "/" + top;
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return names;
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
