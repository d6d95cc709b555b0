package dev.ferry.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.report.compare.RunData.Disruptions;
import dev.ferry.report.compare.RunData.MigrationCurves;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run folder as {@code ferry sim run} writes it: results.json (required), sessions.csv and
 * series/migration_hourly.csv (each optional). A file that is there but malformed is an error naming the
 * file and line, never a silently empty chart.
 */
public final class RunFolder {

    static final String USER_VISIBLE = "disruption_user_visible_s";
    static final String TOTAL = "disruption_total_s";
    static final Path HOURLY = Path.of("series", "migration_hourly.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolder() {
    }

    /** Whether a folder holds a run (a results.json). */
    public static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve("results.json"));
    }

    /** The run in a folder, with its chart series where it has them. */
    public static RunData read(Path folder) throws IOException {
        JsonNode results = results(folder);
        return new RunData(folder, key(folder, results), results, disruptions(folder), curves(folder));
    }

    /** The run in a folder, results.json only (what a baseline needs). */
    public static RunData readResults(Path folder) throws IOException {
        JsonNode results = results(folder);
        return new RunData(folder, key(folder, results), results, Disruptions.absent("a baseline run"),
                MigrationCurves.absent("a baseline run"));
    }

    private static JsonNode results(Path folder) throws IOException {
        Path file = folder.resolve("results.json");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static RunKey key(Path folder, JsonNode results) throws IOException {
        JsonNode scenario = results.path("scenario");
        JsonNode seed = results.path("seed");
        if (!scenario.isTextual() || !seed.canConvertToLong()) {
            throw new IOException(folder.resolve("results.json") + " names no scenario and seed; give folders written"
                    + " by 'ferry sim run'");
        }
        JsonNode strategy = results.path("migration").path("strategy");
        return new RunKey(scenario.asText(), strategy.isTextual() ? strategy.asText() : null, seed.asLong());
    }

    private static Disruptions disruptions(Path folder) throws IOException {
        Path file = folder.resolve("sessions.csv");
        if (!Files.isRegularFile(file)) {
            return Disruptions.absent("it has no sessions.csv");
        }
        Map<String, double[]> columns = columns(file, List.of(USER_VISIBLE, TOTAL));
        if (columns == null) {
            return Disruptions.absent("its sessions.csv has no " + USER_VISIBLE + " and " + TOTAL + " columns");
        }
        return new Disruptions(present(columns.get(USER_VISIBLE)), present(columns.get(TOTAL)), null);
    }

    private static MigrationCurves curves(Path folder) throws IOException {
        Path file = folder.resolve(HOURLY);
        if (!Files.isRegularFile(file)) {
            return MigrationCurves.absent("it has no " + HOURLY.toString().replace('\\', '/'));
        }
        Map<String, double[]> columns = columns(file, MigrationCurves.COLUMNS);
        if (columns == null) {
            throw new IOException(file + " lacks some of the columns " + String.join(",", MigrationCurves.COLUMNS));
        }
        return new MigrationCurves(columns, null);
    }

    /** The named columns of a CSV file (an empty field is NaN), or null when its header lacks one of them. */
    private static Map<String, double[]> columns(Path file, List<String> names) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> fields = header == null ? List.of() : List.of(header.split(",", -1));
            if (!fields.containsAll(names)) {
                return null;
            }
            List<List<Double>> values = new ArrayList<>();
            names.forEach(n -> values.add(new ArrayList<>()));
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != fields.size()) {
                    throw new IOException(file + " line " + number + " has " + cells.length + " fields, its header "
                            + fields.size());
                }
                for (int i = 0; i < names.size(); i++) {
                    values.get(i).add(number(cells[fields.indexOf(names.get(i))], file, number));
                }
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i), values.get(i).stream().mapToDouble(Double::doubleValue).toArray());
            }
            return columns;
        }
    }

    private static double number(String cell, Path file, int line) throws IOException {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + line + ": '" + cell + "' is not a number");
        }
    }

    /** The values that are there: a session without a figure (an empty field) is left out of its CDF. */
    private static double[] present(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }
}
