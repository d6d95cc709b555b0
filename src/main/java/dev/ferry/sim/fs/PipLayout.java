package dev.ferry.sim.fs;

import dev.ferry.model.PipTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The files of a distribution as pip lays them out: the module or data files under the package
 * folder, in the order pip extracts them, its sub-folders, and its extra metadata files. Derived
 * from the distribution alone (and the pip model's layout), so every install of the same
 * distribution writes the same files. Held as numbers (each file's folder and whether it is a
 * module); names are made only for the events something observes.
 */
final class PipLayout {

    private final String pkg;
    private final int[] folderOf;
    private final boolean[] module;
    private final int folders;
    private final List<String> metadata;

    private PipLayout(String pkg, int[] folderOf, boolean[] module, int folders, List<String> metadata) {
        this.pkg = pkg;
        this.folderOf = folderOf;
        this.module = module;
        this.folders = folders;
        this.metadata = metadata;
    }

    static PipLayout of(Distribution dist, PipTiming.Layout shape) {
        SplittableRandom r = new SplittableRandom((dist.key() + " " + dist.version()).hashCode() * 0x9E3779B97F4A7C15L
                + dist.files());
        double u = r.nextDouble();
        double pyShare = dist.moduleShare();
        if (Double.isNaN(pyShare) || shape != dist.moduleShareShape()) {
            pyShare = BetaDistribution.of(shape.pyShareAlpha(), shape.pyShareBeta()).inverseCumulativeProbability(u);
            dist.moduleShare(pyShare, shape);
        }
        int[] folderOf = new int[dist.files()];
        boolean[] module = new boolean[dist.files()];
        int folders = 1;
        int folder = 0;
        for (int f = 0; f < dist.files(); f++) {
            if (f > 0 && r.nextDouble() < shape.directoriesPerFile()) {
                folder = folders++;
            }
            folderOf[f] = folder;
            module[f] = r.nextDouble() < pyShare;
        }
        int extra = shape.metadataFilesMean() <= 0 ? 0
                : PoissonDistribution.of(shape.metadataFilesMean()).inverseCumulativeProbability(r.nextDouble());
        List<String> metadata = new ArrayList<>(List.of("METADATA", "WHEEL"));
        for (int i = 0; i < extra; i++) {
            metadata.add(i == 0 ? "LICENSE" : i == 1 ? "top_level.txt" : "meta" + i + ".txt");
        }
        return new PipLayout(dist.packageFolder(), folderOf, module, folders, List.copyOf(metadata));
    }

    /** The package folder, a top-level entry. */
    String packageFolder() {
        return pkg;
    }

    int files() {
        return folderOf.length;
    }

    /** How many folders the package has: its own (index 0) and its sub-folders (1, 2, ...). */
    int folders() {
        return folders;
    }

    /** The folder of file {@code f}: 0 for the package folder itself, else one of its sub-folders. */
    int folderOf(int f) {
        return folderOf[f];
    }

    /** Whether file {@code f} is a {@code .py} module, which pip byte-compiles. */
    boolean isModule(int f) {
        return module[f];
    }

    /** Folder {@code d}'s path under {@code top} (the package folder, or its stash): {@code top} itself for 0. */
    static String folder(String top, int d) {
        return d == 0 ? top : top + "/" + subFolder(d);
    }

    /** The name of sub-folder {@code d} (from 1) inside the package folder. */
    static String subFolder(int d) {
        return "sub" + d;
    }

    /** File {@code f}'s name inside its folder. */
    String fileName(int f) {
        return module[f] ? "module" + f + ".py" : "data" + f + ".dat";
    }

    /** The byte-compiled name of module {@code f} inside its folder's {@code __pycache__}. */
    static String compiledName(int f) {
        return "module" + f + ".cpython-311.pyc";
    }

    /** The extra metadata files of the dist-info besides RECORD, INSTALLER and REQUESTED. */
    List<String> metadata() {
        return metadata;
    }
}
