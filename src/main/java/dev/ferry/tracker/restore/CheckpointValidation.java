package dev.ferry.tracker.restore;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageName;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one check of a checkpoint's entries, for every command that lets them out. A checkpoint is a
 * file on the user's home, so its content is untrusted input. {@link Use#RESTORE} checks what
 * reaches pip: in every Python environment the names of added, changed and removed packages
 * (PEP 508) and the versions to install (PEP 440, {@link Requirements}). {@link Use#SHOW} checks
 * that and, first in the same words, everything {@code checkpoint show} prints: every name of every
 * environment must be a PEP 508 name and every other version a plain version (PEP 440, or digits
 * first and then only letters, digits and {@code . _ + ~ -}, as R and Linux distributions write
 * them: 7.3-60.0.1, 1.1build1). So a checkpoint restore refuses, show refuses with the same words.
 */
public final class CheckpointValidation {

    /** Which command lets the entries out, so which entries must be valid. */
    public enum Use { RESTORE, SHOW }

    /** What R's and distributions' version strings look like: nothing pip or a shell reads as more than a word. */
    private static final Pattern PLAIN_VERSION = Pattern.compile("[0-9][A-Za-z0-9._+~-]*");

    private static final String NAME_RULE = "(PEP 508: letters, digits, '.', '_', '-', starting and ending with a"
            + " letter or digit)";

    private CheckpointValidation() {
    }

    /**
     * Why the checkpoint must not be used for {@code use}: the first bad entry, where it is and what
     * is wrong, and how many more bad entries there are; empty when every entry is valid.
     */
    public static Optional<String> refusal(Checkpoint checkpoint, Use use) {
        List<String> problems = new ArrayList<>();
        for (EnvironmentState env : checkpoint.environments()) {
            if (env.kind() == EnvironmentKind.PYTHON) {
                pipEntries(problems, env);
            }
        }
        if (use == Use.SHOW) {
            checkpoint.environments().forEach(env -> printedEntries(problems, env));
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more bad entries)";
        return Optional.of(problems.get(0) + more);
    }

    /**
     * Refuses a checkpoint whose entries must not reach pip.
     *
     * @throws RestoreException naming the first bad entry (and how many more there are)
     */
    public static void checkForRestore(Checkpoint checkpoint) throws RestoreException {
        Optional<String> refusal = refusal(checkpoint, Use.RESTORE);
        if (refusal.isPresent()) {
            throw new RestoreException("refusing to restore this checkpoint: " + refusal.get()
                    + "; nothing was installed or removed");
        }
    }

    /** The names, and versions to install, that restore gives pip, held to PEP 508 and PEP 440. */
    private static void pipEntries(List<String> problems, EnvironmentState env) {
        PackageDiff diff = env.diff();
        Map<String, String> seen = new HashMap<>();
        diff.added().forEach((name, version) -> pipEntry(problems, seen, env, "added", name, version));
        diff.changed().forEach((name, change) -> pipEntry(problems, seen, env, "changed", name, change.to()));
        diff.removed().forEach((name, version) -> pipEntry(problems, seen, env, "removed", name, null));
    }

    private static void pipEntry(List<String> problems, Map<String, String> seen, EnvironmentState env, String tag,
                                 String name, String version) {
        String where = where(env, tag, name, version);
        if (!Requirements.isValidName(name)) {
            problems.add(where + ": " + Requirements.quote(name) + " is not a package name " + NAME_RULE);
            return;
        }
        if (version != null && !Requirements.isValidVersion(version)) {
            problems.add(where + ": " + Requirements.quote(version) + " is not a version (PEP 440, e.g. 1.2.3, 2.0rc1,"
                    + " 1.0.post2, 1.0+cpu)");
            return;
        }
        String other = seen.putIfAbsent(PackageName.normalize(name), name);
        if (other != null) {
            problems.add(where + ": the same package as " + Requirements.quote(other)
                    + " (names compare as PEP 503 normalizes them)");
        }
    }

    /** Everything else show prints (the full set, and with -v the baseline versions): names and plain versions. */
    private static void printedEntries(List<String> problems, EnvironmentState env) {
        PackageDiff diff = env.diff();
        boolean python = env.kind() == EnvironmentKind.PYTHON;
        Set<String> checkedNames = python ? pipNames(diff) : Set.of();
        env.baseline().forEach((name, version) ->
                printedEntry(problems, env, "baseline", name, version, !checkedNames.contains(name)));
        if (!python) {
            diff.added().forEach((name, version) -> printedEntry(problems, env, "added", name, version, true));
            diff.changed().forEach((name, change) -> printedEntry(problems, env, "changed", name, change.to(), false));
        }
    }

    private static Set<String> pipNames(PackageDiff diff) {
        Set<String> names = new java.util.HashSet<>(diff.added().keySet());
        names.addAll(diff.changed().keySet());
        names.addAll(diff.removed().keySet());
        return names;
    }

    private static void printedEntry(List<String> problems, EnvironmentState env, String tag, String name,
                                     String version, boolean checkName) {
        String where = where(env, tag, name, version);
        if (checkName && !Requirements.isValidName(name)) {
            problems.add(where + ": " + Requirements.quote(name) + " is not a package name " + NAME_RULE);
        } else if (!isPlainVersion(version)) {
            problems.add(where + ": " + Requirements.quote(version) + " is not a version (PEP 440, or as R and"
                    + " distributions write them: digits first, then letters, digits, '.', '_', '+', '~', '-')");
        }
    }

    /** A PEP 440 version, or one R or a distribution wrote: safe to print as the version of a name==version line. */
    static boolean isPlainVersion(String version) {
        return Requirements.isValidVersion(version)
                || version.length() <= Requirements.MAX_LENGTH && PLAIN_VERSION.matcher(version).matches()
                && !Requirements.ARCHIVE_SUFFIX.matcher(version).matches();
    }

    private static String where(EnvironmentState env, String tag, String name, String version) {
        return "'" + tag + " " + Requirements.quote(name) + (version == null ? "" : " " + Requirements.quote(version))
                + "' in " + Requirements.quote(env.location());
    }
}
