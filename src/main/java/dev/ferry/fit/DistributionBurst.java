package dev.ferry.fit;

import dev.ferry.trace.TraceLine;
import dev.ferry.tracker.PackageName;
import java.util.List;

/**
 * The events of one pip command that belong to one distribution.
 *
 * @param installed the {@code *.dist-info} folder the burst wrote, or {@code null} for a removal
 * @param removed   the {@code *.dist-info} folder of the old version it moved into a stash, or {@code null}
 * @param requested whether {@code REQUESTED} was written (the user named it, it is no dependency)
 * @param events    in time order
 */
public record DistributionBurst(String installed, String removed, boolean requested, List<TraceLine.FileEvent> events) {

    public DistributionBurst {
        events = List.copyOf(events);
    }

    /** {@code "name version"} with the name normalized, for a {@code name-version.dist-info} folder. */
    public static String key(String distInfo) {
        String[] nameVersion = nameAndVersion(distInfo);
        return PackageName.normalize(nameVersion[0]) + " " + nameVersion[1];
    }

    /** The name as spelled in the folder, and the version, of a {@code name-version.dist-info} folder. */
    public static String[] nameAndVersion(String distInfo) {
        String stem = distInfo.endsWith(".dist-info") ? distInfo.substring(0, distInfo.length() - ".dist-info".length())
                : distInfo;
        int dash = stem.indexOf('-');
        return dash < 0 ? new String[] {stem, ""} : new String[] {stem.substring(0, dash), stem.substring(dash + 1)};
    }
}
