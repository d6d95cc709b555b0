package dev.ferry.sim.replay;

import dev.ferry.trace.PipCommandLine;
import dev.ferry.tracker.PackageSet;
import java.util.List;

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
            for (String name : PipCommandLine.namedPackages(command)) {
                if (!java.util.Objects.equals(before.version(name), after.version(name))) {
                    changed++;
                    break;
                }
            }
        }
        return Math.max(1, changed);
    }
}
