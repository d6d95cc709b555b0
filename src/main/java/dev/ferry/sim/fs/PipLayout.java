package dev.ferry.sim.fs;

import dev.ferry.model.PipTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The files of a distribution as pip lays them out: the module or data file names under the
 * package folder, in the order pip extracts them, its sub-folders, and its extra metadata files.
 * Derived from the distribution alone (and the pip model's layout), so every install of the same
 * distribution writes the same files.
 */
record PipLayout(List<String> files, List<String> folders, List<String> metadata) {

    static PipLayout of(Distribution dist, PipTiming.Layout shape) {
        SplittableRandom r = new SplittableRandom((dist.key() + " " + dist.version()).hashCode() * 0x9E3779B97F4A7C15L
                + dist.files());
        double pyShare = BetaDistribution.of(shape.pyShareAlpha(), shape.pyShareBeta())
                .inverseCumulativeProbability(r.nextDouble());
        String pkg = dist.packageFolder();
        List<String> files = new ArrayList<>(dist.files());
        List<String> folders = new ArrayList<>();
        folders.add(pkg);
        String folder = pkg;
        for (int f = 0; f < dist.files(); f++) {
            if (f > 0 && r.nextDouble() < shape.directoriesPerFile()) {
                folder = pkg + "/sub" + folders.size();
                folders.add(folder);
            }
            files.add(folder + (r.nextDouble() < pyShare ? "/module" + f + ".py" : "/data" + f + ".dat"));
        }
        int extra = shape.metadataFilesMean() <= 0 ? 0
                : PoissonDistribution.of(shape.metadataFilesMean()).inverseCumulativeProbability(r.nextDouble());
        List<String> metadata = new ArrayList<>(List.of("METADATA", "WHEEL"));
        for (int i = 0; i < extra; i++) {
            metadata.add(i == 0 ? "LICENSE" : i == 1 ? "top_level.txt" : "meta" + i + ".txt");
        }
        return new PipLayout(files, folders, metadata);
    }
}
