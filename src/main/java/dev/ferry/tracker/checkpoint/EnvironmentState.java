package dev.ferry.tracker.checkpoint;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.EnvironmentKind;

/**
 * One environment in a checkpoint: where it is, what the image had there at first start
 * (the baseline) and what is installed now.
 */
public record EnvironmentState(String location, EnvironmentKind kind, PackageSet baseline, PackageSet current) {

    public EnvironmentState {
        if (location.isEmpty() || location.indexOf('\n') >= 0 || location.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("environment location must be one non-empty line: " + location);
        }
    }

    /** What the user changed against the baseline. */
    public PackageDiff diff() {
        return PackageDiff.between(baseline, current);
    }

    public EnvironmentState withCurrent(PackageSet newCurrent) {
        return new EnvironmentState(location, kind, baseline, newCurrent);
    }
}
