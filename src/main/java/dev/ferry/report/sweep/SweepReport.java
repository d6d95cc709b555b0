package dev.ferry.report.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sweep's {@code sweep.html} and {@code sweep.csv} into its folder from the run folders given (each with
 * results.json and sweep-run.json), whether the runs were made by a local sweep or by the pods of its Job.
 */
public final class SweepReport {

    private SweepReport() {
    }

    /**
     * @param sweepWall the sweep's own wall time in seconds, or null when the runs were collected
     * @param parallel  how many runs went side by side (shown with {@code sweepWall})
     * @return the settings as the report summarises them
     */
    public static List<SettingSummary> write(String name, List<String> parameters, List<Path> runFolders,
            Path folder, Double sweepWall, int parallel) throws IOException {
        List<SweepRunData> runs = new ArrayList<>();
        for (Path run : runFolders) {
            runs.add(SweepRunData.read(run));
        }
        List<SettingSummary> settings = SettingSummary.of(runs);
        Path base = folder.toAbsolutePath().normalize();
        Files.createDirectories(base);
        String html = SweepPage.html(name, settings, runs, base, SweepPage.timing(sweepWall, parallel, runs));
        Path csv = base.resolve(".sweep.csv.partial");
        Path page = base.resolve(".sweep.html.partial");
        try {
            SweepCsv.write(runs, parameters, base, csv);
            Files.writeString(page, html, StandardCharsets.UTF_8);
            Files.move(csv, base.resolve("sweep.csv"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(page, base.resolve("sweep.html"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(page);
        }
        return settings;
    }
}
