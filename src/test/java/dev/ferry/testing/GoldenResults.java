package dev.ferry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A results.json checked in as a golden result: every figure but the wall-clock ones must be as recorded. Run the
 * test with {@code -Dgolden.update=true} to record the figures anew (and say why in the commit).
 */
public final class GoldenResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoldenResults() {
    }

    /** Asserts that {@code results}, less its wall-clock fields, equals {@code golden}; records it first on update. */
    public static void check(Path golden, ObjectNode results) throws IOException {
        ObjectNode actual = results.deepCopy();
        actual.remove("wall_s");
        actual.remove("events_per_s");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, JSON.writeValueAsString(actual) + "\n");
        }
        assertThat(JSON.writeValueAsString(actual))
                .isEqualTo(JSON.writeValueAsString(JSON.readTree(golden.toFile())));
    }
}
