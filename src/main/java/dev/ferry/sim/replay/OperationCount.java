package dev.ferry.sim.replay;

import dev.ferry.tracker.PackageName;
import dev.ferry.tracker.PackageSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How many state-changing pip commands a step of a trace holds. A step of one command that changed
 * the installed set is one. Commands run in parallel are separate operations (the tracker may
 * rightly checkpoint each as it finishes), so each counts when a package it names changed; a step
 * that changed yet names no changed package counts once.
 */
final class OperationCount {

    private OperationCount() {
    }

    static int stateChanging(List<List<String>> commands, PackageSet before, PackageSet after) {
        if (before.equals(after)) {
            return 0;
        }
        if (commands.size() <= 1) {
            return 1;
        }
        int changed = 0;
        for (List<String> command : commands) {
            for (String name : namedPackages(command)) {
                if (!java.util.Objects.equals(before.version(name), after.version(name))) {
                    changed++;
                    break;
                }
            }
        }
        return Math.max(1, changed);
    }

    /** Normalized names of the requirements a pip command names: {@code numpy==2.4}, {@code ./x-1.0-py3-none-any.whl}. */
    static Set<String> namedPackages(List<String> command) {
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.startsWith("-")) {
                continue;
            }
            String base = arg.substring(arg.lastIndexOf('/') + 1);
            if (base.endsWith(".whl")) {
                base = base.substring(0, base.indexOf('-') < 0 ? base.length() : base.indexOf('-'));
            }
            int end = 0;
            while (end < base.length() && (Character.isLetterOrDigit(base.charAt(end)) || "-_.".indexOf(base.charAt(end)) >= 0)) {
                end++;
            }
            if (end > 0) {
                names.add(PackageName.normalize(base.substring(0, end)));
            }
        }
        return names;
    }
}
