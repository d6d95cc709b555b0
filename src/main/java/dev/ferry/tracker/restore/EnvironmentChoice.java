package dev.ferry.tracker.restore;

import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which environment of a checkpoint to restore into an interpreter's site-packages: the one named
 * with {@code --env}; else the Python environment recorded at that same site-packages path; else
 * the checkpoint's only Python environment (the same image mounted elsewhere). R libraries are
 * never restored; every environment left out is reported in {@link #notes()}.
 *
 * @param index  position of the chosen environment in the checkpoint
 * @param chosen the environment whose changes are restored
 * @param notes  one line per environment of the checkpoint that is left alone, saying why
 */
public record EnvironmentChoice(int index, EnvironmentState chosen, List<String> notes) {

    public EnvironmentChoice {
        notes = List.copyOf(notes);
    }

    /**
     * @param target    the interpreter's site-packages (purelib) path
     * @param requested the checkpoint location given with {@code --env}, if any
     */
    public static EnvironmentChoice choose(Checkpoint checkpoint, String target, Optional<String> requested)
            throws RestoreException {
        List<EnvironmentState> envs = checkpoint.environments();
        List<Integer> python = new ArrayList<>();
        for (int i = 0; i < envs.size(); i++) {
            if (envs.get(i).kind() == EnvironmentKind.PYTHON) {
                python.add(i);
            }
        }
        int index;
        if (requested.isPresent()) {
            index = find(envs, requested.get(), false);
            if (index < 0) {
                throw new RestoreException("the checkpoint has no environment " + requested.get() + "; it has "
                        + describe(envs));
            }
            if (envs.get(index).kind() != EnvironmentKind.PYTHON) {
                throw new RestoreException(requested.get() + " is an R library in the checkpoint; restore handles"
                        + " Python environments only");
            }
        } else if (python.isEmpty()) {
            throw new RestoreException("the checkpoint has no Python environment to restore (it has "
                    + describe(envs) + "); R libraries are not restored by this command");
        } else {
            index = find(envs, target, true);
            if (index < 0) {
                if (python.size() > 1) {
                    throw new RestoreException("the checkpoint has " + python.size() + " Python environments and none"
                            + " is at " + target + "; say which to restore with --env DIR, one of "
                            + python.stream().map(i -> envs.get(i).location()).toList());
                }
                index = python.get(0);
            }
        }
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < envs.size(); i++) {
            EnvironmentState env = envs.get(i);
            if (i == index) {
                continue;
            }
            if (env.kind() == EnvironmentKind.R) {
                notes.add("skipped r " + env.location() + ": R libraries are not restored by this command");
            } else if (sameLocation(env.location(), target)) {
                notes.add("replaced python " + env.location() + ": the environment restored into it takes its place"
                        + " in the new checkpoint");
            } else {
                notes.add("skipped python " + env.location() + ": not the environment being restored");
            }
        }
        return new EnvironmentChoice(index, envs.get(index), notes);
    }

    private static int find(List<EnvironmentState> envs, String location, boolean pythonOnly) {
        for (int i = 0; i < envs.size(); i++) {
            EnvironmentState env = envs.get(i);
            if ((!pythonOnly || env.kind() == EnvironmentKind.PYTHON) && sameLocation(env.location(), location)) {
                return i;
            }
        }
        return -1;
    }

    /** Two spellings of one absolute path ({@code a/./b}, {@code a//b}, a trailing slash) are one location. */
    static boolean sameLocation(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Path.of(a).normalize().equals(Path.of(b).normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String describe(List<EnvironmentState> envs) {
        return envs.stream().map(e -> e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.location()).toList()
                .toString();
    }
}
