package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files what one {@code -Pbench} run measured under {@code reports/bench/}: one {@code <Benchmark>.json} per
 * benchmark class that ran, holding JMH's own results for it beside the machine and JDK they ran on, so a run of one
 * class replaces only that class's file. Usage: {@code BenchReport JMH_RESULT.json OUT_DIR}.
 */
public final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BenchReport JMH_RESULT.json OUT_DIR");
            System.exit(2);
        }
        JsonNode results = JSON.readTree(Path.of(args[0]).toFile());
        Path out = Files.createDirectories(Path.of(args[1]));
        Map<String, ArrayNode> byClass = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String simpleName = owner.substring(owner.lastIndexOf('.') + 1);
            byClass.computeIfAbsent(simpleName, k -> JSON.createArrayNode()).add(result);
        }
        ObjectNode machine = machine();
        for (Map.Entry<String, ArrayNode> entry : byClass.entrySet()) {
            ObjectNode file = JSON.createObjectNode();
            file.put("benchmark", entry.getKey());
            file.put("recorded", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            file.set("machine", machine);
            file.set("jdk", jdk(entry.getValue().get(0)));
            file.set("results", entry.getValue());
            Path target = out.resolve(entry.getKey() + ".json");
            JSON.writeValue(target.toFile(), file);
            System.out.println("bench: " + target);
        }
    }

    /** What the figures depend on: the processor, how many cores, how much memory, how busy the machine was. */
    private static ObjectNode machine() throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        procField("/proc/cpuinfo", "model name").ifPresent(v -> m.put("cpu_model", v));
        procField("/proc/meminfo", "MemTotal").ifPresent(v -> m.put("memory", v));
        m.put("load_average_1m_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("note", "shared machine: other builds ran beside the benchmarks, so figures are noisy and pessimistic");
        return m;
    }

    private static ObjectNode jdk(JsonNode result) {
        ObjectNode j = JSON.createObjectNode();
        j.put("version", result.path("jdkVersion").asText(System.getProperty("java.version")));
        j.put("vm", result.path("vmName").asText() + " " + result.path("vmVersion").asText());
        j.put("jmh", result.path("jmhVersion").asText());
        j.set("jvm_args", result.path("jvmArgs"));
        return j;
    }

    private static Optional<String> procField(String file, String field) throws IOException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            return Optional.empty();
        }
        return Files.readAllLines(path).stream()
                .filter(line -> line.startsWith(field))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }
}
