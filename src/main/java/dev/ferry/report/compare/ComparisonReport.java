package dev.ferry.report.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ferry report compare} and the {@code -Psim} index, one code path: reads run folders (and the
 * baseline folder, if any), works out the {@link Comparison} and writes it as one offline HTML page.
 */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    /**
     * Compares the runs in {@code runFolders} (each holding results.json) with each other and, when
     * {@code baselineFolder} is not null, each with its baseline there; writes the page to {@code out},
     * complete or not at all.
     */
    public static Comparison write(List<Path> runFolders, Path baselineFolder, Path out) throws IOException {
        List<RunData> runs = new ArrayList<>();
        for (Path folder : runFolders) {
            runs.add(RunFolder.read(folder));
        }
        Comparison comparison = Comparison.of(runs, baselineFolder == null ? null : BaselineIndex.read(baselineFolder));
        String html = ComparisonPage.html(comparison);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // not createTempFile, whose file only its owner may read: the page is for whoever opens the folder
        Path partial = parent.resolve("." + out.getFileName() + ".partial");
        try {
            Files.writeString(partial, html, StandardCharsets.UTF_8);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return comparison;
    }
}
