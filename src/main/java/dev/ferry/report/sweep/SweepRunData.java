package dev.ferry.report.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run folder of a sweep as the report reads it: its results.json and, from sweep-run.json, its index, setting
 * (each parameter's value, in the sweep's order) and seed.
 */
public record SweepRunData(Path folder, int index, Map<String, String> setting, long seed, JsonNode results) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static SweepRunData read(Path folder) throws IOException {
        JsonNode run = tree(folder.resolve("sweep-run.json"));
        JsonNode results = tree(folder.resolve("results.json"));
        if (!run.path("parameters").isObject() || !run.path("seed").canConvertToLong()
                || !run.path("index").canConvertToInt()) {
            throw new IOException(folder.resolve("sweep-run.json") + " names no index, parameters and seed; give"
                    + " folders written by 'ferry sim sweep'");
        }
        Map<String, String> setting = new LinkedHashMap<>();
        run.path("parameters").properties().forEach(e -> setting.put(e.getKey(), e.getValue().asText()));
        return new SweepRunData(folder, run.path("index").asInt(), setting, run.path("seed").asLong(), results);
    }

    private static JsonNode tree(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sessions left on the source at the end and why, as results.json gives them: {@code 3 (no-capacity 3)},
     * {@code 0}, or empty when the run has no migration.
     */
    public String stillOnSource() {
        JsonNode migration = results.path("migration");
        if (!migration.path("still_on_source").isNumber()) {
            return "";
        }
        StringBuilder why = new StringBuilder();
        migration.path("still_on_source_by_reason").properties().forEach(e -> why.append(why.length() == 0 ? "" : ", ")
                .append(e.getKey()).append(' ').append(e.getValue().asText()));
        return migration.path("still_on_source").asText() + (why.length() == 0 ? "" : " (" + why + ")");
    }

    /** A figure of results.json by its dotted path, NaN where the run has none. */
    public double value(String path) {
        JsonNode node = results;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
