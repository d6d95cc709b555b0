package dev.ferry.tracker.scan;

import dev.ferry.tracker.PackageName;
import dev.ferry.tracker.PackageSet;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the installed set of one environment. A Python distribution counts once its
 * {@code *.dist-info} holds a {@code RECORD} (pip writes it last) or it has an {@code *.egg-info};
 * its name and version come from {@code METADATA}/{@code PKG-INFO} when readable, else from the
 * folder name, normalized as PEP 503 does. An R package counts when its folder holds a
 * {@code DESCRIPTION} with {@code Package:} and {@code Version:}; its name is kept as R spells it.
 *
 * <p>What a top-level entry is stays cached until {@link #invalidate(String)} says the entry was
 * touched, so a scan after a few events costs one directory listing and a few reads.
 */
public final class Scanner {

    /**
     * A cached answer for one top-level entry; {@link #stale} once an event touched the entry. {@link #NOTHING} answers
     * for entries whose name alone says they hold no package, so no event can change it; {@link #none()} for those
     * whose content says so for now.
     */
    private static final class Found {
        static final Found NOTHING = new Found(null, null);

        final String name;
        final String version;
        boolean stale;

        Found(String name, String version) {
            this.name = name;
            this.version = version;
        }

        /** No package for now, by what the entry holds: an event may change that. */
        static Found none() {
            return new Found(null, null);
        }

        boolean isPackage() {
            return name != null;
        }
    }

    /** How far ahead in the last listing a scan looks for an entry, past entries that have gone since. */
    private static final int LOOK_AHEAD = 4;

    private static final String DIST_INFO = ".dist-info";
    private static final String EGG_INFO = ".egg-info";
    private static final String RECORD = "RECORD";
    private static final String METADATA = "METADATA";
    private static final String PKG_INFO = "PKG-INFO";
    private static final String DESCRIPTION = "DESCRIPTION";
    private static final String R_LOCK = "00LOCK";

    private final EnvironmentView view;
    private final EnvironmentKind kind;
    private final Map<String, Found> cache = new HashMap<>();
    /** The last scan's listing and, at the same positions, its answers (null where none was cached). */
    private String[] lastEntries = new String[0];
    private Found[] lastFound = new Found[0];

    public Scanner(EnvironmentView view, EnvironmentKind kind) {
        this.view = view;
        this.kind = kind;
    }

    public EnvironmentView view() {
        return view;
    }

    public EnvironmentKind kind() {
        return kind;
    }

    /**
     * Whether a scan of an environment of {@code kind} may read anything inside its top-level entry {@code top}
     * (beyond listing the top level): what {@link #reads} may answer true for. A simulated environment keeps
     * these entries real.
     */
    public static boolean readsInside(EnvironmentKind kind, String top) {
        if (kind == EnvironmentKind.PYTHON) {
            return top.endsWith(DIST_INFO) || top.endsWith(EGG_INFO);
        }
        return !top.startsWith(R_LOCK);
    }

    /** Whether a scan may read {@code child}, an entry directly inside the top-level entry {@code top}; nothing deeper. */
    public static boolean reads(EnvironmentKind kind, String top, String child) {
        if (kind == EnvironmentKind.PYTHON) {
            return top.endsWith(DIST_INFO) ? child.equals(RECORD) || child.equals(METADATA)
                    : top.endsWith(EGG_INFO) && child.equals(PKG_INFO);
        }
        return readsInside(kind, top) && child.equals(DESCRIPTION);
    }

    /** Forgets what is known about {@code top}, because an event touched it. */
    public void invalidate(String top) {
        if (nameSaysNothing(top)) {
            return;
        }
        Found forgotten = cache.remove(top);
        if (forgotten != null) {
            forgotten.stale = true;
        }
    }

    /** Forgets everything, after events were lost. */
    public void invalidateAll() {
        cache.clear();
        lastEntries = new String[0];
        lastFound = new Found[0];
    }

    /**
     * The installed set as the environment lists it now. An entry at the same place in the listing as at the last
     * scan, and untouched since, keeps its answer without a look-up in the cache: a listing mostly stays in order.
     */
    public PackageSet scan() throws IOException {
        List<String> listing = view.list();
        String[] entries = listing.toArray(new String[0]);
        Found[] answers = new Found[entries.length];
        PackageSet.Builder installed = PackageSet.builder(entries.length / 2);
        int last = 0;
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            int at = positionInLast(entry, last);
            Found found = null;
            if (at >= 0) {
                last = at + 1;
                found = lastFound[at];
                if (found != null && found.stale) {
                    found = null;
                }
            }
            if (found == null) {
                found = answer(entry);
            }
            answers[i] = found;
            if (found != null && found.isPackage()) {
                installed.put(found.name, found.version);
            }
        }
        lastEntries = entries;
        lastFound = answers;
        if (cache.size() > entries.length * 2 + 64) {
            cache.keySet().retainAll(listing);
        }
        return installed.build();
    }

    /** Where {@code entry} stood in the last listing, looking from {@code from}, or -1. */
    private int positionInLast(String entry, int from) {
        if (from < lastEntries.length && (lastEntries[from] == entry || lastEntries[from].equals(entry))) {
            return from;
        }
        int end = Math.min(lastEntries.length, from + 1 + LOOK_AHEAD);
        for (int at = from + 1; at < end; at++) {
            if (lastEntries[at] == entry) {
                return at;
            }
        }
        return -1;
    }

    /** The cached answer for {@code entry}, inspecting it when none is cached. */
    private Found answer(String entry) {
        Found found = cache.get(entry);
        if (found == null) {
            found = inspect(entry);
            if (found != null) {
                cache.put(entry, found);
            }
        }
        return found;
    }

    /**
     * What {@code entry} is; {@code null} when it may still become a package (not cached). The shared
     * {@link Found#NOTHING} comes from here only, for names {@link #invalidate} ignores, so it is never marked stale.
     */
    private Found inspect(String entry) {
        if (nameSaysNothing(entry)) {
            return Found.NOTHING;
        }
        return kind == EnvironmentKind.PYTHON ? inspectPython(entry) : inspectR(entry);
    }

    /** Whether {@code entry}'s name alone says it holds no package, whatever it contains. */
    private boolean nameSaysNothing(String entry) {
        return entry.startsWith("~") || entry.startsWith(".") || !readsInside(kind, entry);
    }

    private Found inspectPython(String entry) {
        if (entry.endsWith(DIST_INFO)) {
            if (!view.isFile(entry + "/" + RECORD)) {
                return null;
            }
            return fromHeaders(view.readText(entry + "/" + METADATA), entry, DIST_INFO);
        }
        // an .egg-info (inspect let through nothing else): a folder with PKG-INFO, or a file of headers itself
        String headers = view.isDirectory(entry) ? entry + "/" + PKG_INFO : entry;
        return fromHeaders(view.readText(headers), entry, EGG_INFO);
    }

    private Found inspectR(String entry) {
        Optional<String> description = view.readText(entry + "/" + DESCRIPTION);
        if (description.isEmpty()) {
            return view.isDirectory(entry) ? null : Found.none();
        }
        Optional<String> name = MetadataHeaders.field(description.get(), "Package");
        Optional<String> version = MetadataHeaders.field(description.get(), "Version");
        if (name.isEmpty() || version.isEmpty()) {
            return null;
        }
        return new Found(name.get(), version.get());
    }

    private static Found fromHeaders(Optional<String> headers, String entry, String suffix) {
        Optional<String> name = headers.flatMap(text -> MetadataHeaders.field(text, "Name"));
        Optional<String> version = headers.flatMap(text -> MetadataHeaders.field(text, "Version"));
        if (name.isPresent() && version.isPresent()) {
            return new Found(PackageName.normalize(name.get()), version.get());
        }
        String stem = entry.substring(0, entry.length() - suffix.length());
        int dash = stem.indexOf('-');
        if (dash <= 0 || dash == stem.length() - 1) {
            return Found.none();
        }
        String fromName = stem.substring(0, dash);
        String fromVersion = stem.substring(dash + 1);
        int pythonTag = fromVersion.indexOf("-py");
        if (pythonTag > 0) {
            fromVersion = fromVersion.substring(0, pythonTag);
        }
        return new Found(PackageName.normalize(name.orElse(fromName)), version.orElse(fromVersion));
    }
}
