package dev.ferry.fit;

import dev.ferry.trace.TraceLine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one distribution's burst shows of its files. inotifywait misses files written in a new folder
 * before it has watched it (see the traces README), so these are lower bounds: a module whose source
 * was missed still shows through its byte-compiled file, and a version later moved into a stash shows
 * all its files when the stash is deleted.
 *
 * @param files       files the new version wrote outside its {@code *.dist-info} (byte-compiled files excluded;
 *                    modules seen only through their {@code .pyc} included)
 * @param modules     of those, {@code .py} modules
 * @param folders     sub-folders created below the top-level entries ({@code __pycache__} excluded)
 * @param metadata    files written into the {@code *.dist-info} besides METADATA, WHEEL, RECORD, INSTALLER, REQUESTED
 * @param emptyFiles  files seen created and closed with no modify event
 * @param dataFiles   files seen created and closed with at least one modify event
 * @param extraModifies modify events beyond the first, over {@code dataFiles}
 * @param oldFiles    files of the old version deleted from its stash (or moved away), byte-compiled files excluded
 */
public record BurstFiles(int files, int modules, int folders, int metadata, int emptyFiles, int dataFiles,
                         long extraModifies, int oldFiles) {

    private static final Pattern PYC_TEMPORARY = Pattern.compile("\\.pyc\\.\\d+$");

    public static BurstFiles of(DistributionBurst burst) {
        Set<String> written = new HashSet<>();
        Set<String> implied = new HashSet<>();
        Set<String> metadata = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        Map<String, int[]> perFile = new HashMap<>();
        Map<String, String> origin = new HashMap<>();
        String movedFrom = null;
        int folders = 0;
        for (TraceLine.FileEvent e : burst.events()) {
            String path = e.path();
            String top = Attribution.top(path);
            boolean topLevel = path.indexOf('/') < 0;
            if (topLevel && e.has("MOVED_FROM")) {
                movedFrom = path;
                if (!e.isDirectory() && !top.endsWith(".dist-info")) {
                    deleted.add(path); // a single-module distribution's file moved out of site-packages
                }
                continue;
            }
            if (topLevel && e.has("MOVED_TO") && Attribution.isStash(path)) {
                if (movedFrom != null) {
                    origin.put(path, movedFrom);
                }
                movedFrom = null;
                continue;
            }
            if (e.has("DELETE") && !e.isDirectory()) {
                String real = origin.getOrDefault(top, top);
                if (!topLevel && !real.endsWith(".dist-info") && !isCompiled(path)) {
                    deleted.add(real + path.substring(top.length()));
                }
                continue;
            }
            if (Attribution.isStash(top) || e.has("DELETE") || e.has("DELETE_SELF")) {
                continue;
            }
            if (top.endsWith(".dist-info")) {
                if (top.equals(burst.installed()) && !topLevel && !e.isDirectory() && writes(e)) {
                    String rest = path.substring(top.length() + 1);
                    if (!(rest.startsWith("INSTALLER") || rest.startsWith("RECORD") || rest.equals("REQUESTED")
                            || rest.equals("METADATA") || rest.equals("WHEEL"))) {
                        metadata.add(rest);
                    }
                }
                continue;
            }
            if (e.isDirectory()) {
                if (e.has("CREATE") && !topLevel && !path.endsWith("__pycache__")) {
                    folders++;
                }
                continue;
            }
            if (isCompiled(path)) {
                if (e.has("MOVED_TO") && path.endsWith(".pyc")) {
                    implied.add(source(path));
                }
                continue;
            }
            if (writes(e)) {
                written.add(path);
                int[] seen = perFile.computeIfAbsent(path, p -> new int[3]);
                if (e.has("CREATE")) {
                    seen[0]++;
                }
                if (e.has("MODIFY")) {
                    seen[1]++;
                }
                if (e.has("CLOSE_WRITE")) {
                    seen[2]++;
                }
            }
        }
        Set<String> all = new HashSet<>(written);
        all.addAll(implied);
        int modules = (int) all.stream().filter(p -> p.endsWith(".py")).count();
        int empty = 0;
        int data = 0;
        long extra = 0;
        for (int[] seen : perFile.values()) {
            if (seen[0] > 0 && seen[2] > 0) {
                if (seen[1] == 0) {
                    empty++;
                } else {
                    data++;
                    extra += seen[1] - 1;
                }
            }
        }
        return new BurstFiles(all.size(), modules, folders, metadata.size(), empty, data, extra, deleted.size());
    }

    private static boolean writes(TraceLine.FileEvent e) {
        return !e.isDirectory() && (e.has("CREATE") || e.has("MODIFY") || e.has("CLOSE_WRITE") || e.has("MOVED_TO"));
    }

    /** A byte-compiled file or its temporary. */
    static boolean isCompiled(String path) {
        return path.startsWith("__pycache__/") || path.contains("/__pycache__/") || path.endsWith(".pyc")
                || PYC_TEMPORARY.matcher(path).find();
    }

    /** The module a {@code dir/__pycache__/name.cpython-311.pyc} was compiled from: {@code dir/name.py}. */
    static String source(String pyc) {
        int cache = pyc.lastIndexOf("__pycache__/");
        String dir = pyc.substring(0, cache);
        String file = pyc.substring(cache + "__pycache__/".length());
        int dot = file.indexOf('.');
        return dir + (dot < 0 ? file : file.substring(0, dot)) + ".py";
    }
}
