package dev.ferry.report.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sweep.csv}: one row per run with its index, its parameters (one column each), its seed, its folder, its
 * wall time and the figures of the trade-off, for pandas ({@code pd.read_csv("sweep.csv")}). A figure a run does
 * not have is an empty field.
 */
final class SweepCsv {

    static final List<String> EXTRA = List.of("migration.migrated", "migration.stranded",
            "migration.still_on_source", "disruption.share_disrupted_while_active");

    private SweepCsv() {
    }

    static void write(List<SweepRunData> runs, List<String> parameters, Path base, Path file) throws IOException {
        List<String> header = new ArrayList<>(List.of("index"));
        header.addAll(parameters);
        header.addAll(List.of("seed", "folder", "wall_s"));
        header.addAll(SettingSummary.FIGURES);
        header.addAll(EXTRA);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", header) + "\n");
            for (SweepRunData r : runs) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(r.index())));
                parameters.forEach(p -> row.add(quoted(r.setting().getOrDefault(p, ""))));
                row.add(Long.toString(r.seed()));
                row.add(quoted(base.relativize(r.folder().toAbsolutePath().normalize()).toString()));
                row.add(plain(r.value("wall_s")));
                SettingSummary.FIGURES.forEach(f -> row.add(plain(r.value(f))));
                EXTRA.forEach(f -> row.add(plain(r.value(f))));
                out.write(String.join(",", row) + "\n");
            }
        }
    }

    private static String plain(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
