package dev.ferry.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code sweep-run.json}, written into each run's folder beside its results.json: which sweep run it holds (the
 * sweep, the index it had, the base workload and the digest of its text, the setting and the seed). A sweep run
 * again into the same folder skips a run whose folder has its results.json and a sweep-run.json of the same
 * workload text, setting and seed; the report reads each run's setting from it.
 */
public final class SweepRunFile {

    public static final String NAME = "sweep-run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepRunFile() {
    }

    /** The file's content for {@code run} of {@code sweep}. */
    public static ObjectNode of(Sweep sweep, SweepRun run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sweep", sweep.name());
        node.put("index", run.index());
        node.put("workload", sweep.workloadFile().getFileName().toString());
        node.put("workload_sha256", sweep.workloadSha256());
        ObjectNode parameters = node.putObject("parameters");
        run.setting().forEach(parameters::put);
        node.put("seed", run.seed());
        return node;
    }

    public static void write(Sweep sweep, SweepRun run, Path file) throws IOException {
        JSON.writeValue(file.toFile(), of(sweep, run));
    }

    /**
     * Whether {@code folder} holds {@code run} complete: results.json is there (it is written last) and
     * sweep-run.json names the same workload text, setting and seed (the index may differ: a sweep given one more
     * value renumbers its runs).
     */
    public static boolean complete(Path folder, Sweep sweep, SweepRun run) {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(folder.resolve("results.json")) || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            JsonNode found = JSON.readTree(file.toFile());
            ObjectNode expected = of(sweep, run);
            return sweep.workloadSha256().equals(found.path("workload_sha256").asText())
                    && expected.get("parameters").equals(found.get("parameters"))
                    && found.path("seed").canConvertToLong() && found.path("seed").asLong() == run.seed();
        } catch (IOException e) {
            return false;
        }
    }
}
