package dev.ferry.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;

/**
 * Reads a recorded trace (format: the traces README) completely before anything runs, so a bad
 * line fails the command before any output, naming the file, the line and what is wrong.
 */
public final class TraceReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPS = Set.of("begin", "start", "end", "state", "finish");
    /**
     * inotifywait's event names: those the recorder asks for (the traces README), and those it prints when asked
     * for everything (OPEN, ACCESS, CLOSE_NOWRITE, MOVE_SELF), which replay ignores. Anything else is a typo or
     * another tool's format, and would silently be dropped.
     */
    private static final List<String> EVENT_KINDS = List.of("CREATE", "MODIFY", "ATTRIB", "CLOSE_WRITE", "CLOSE",
            "MOVED_FROM", "MOVED_TO", "DELETE", "DELETE_SELF", "ISDIR", "OPEN", "ACCESS", "CLOSE_NOWRITE", "MOVE_SELF");

    private TraceReader() {
    }

    public static List<TraceLine> read(Path file) throws IOException, TraceFormatException {
        List<TraceLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            long previous = Long.MIN_VALUE;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                TraceLine line = parse(text, file + " line " + number, number);
                if (line.t() < previous && line instanceof TraceLine.FileEvent) {
                    throw new TraceFormatException(file + " line " + number + ": time " + line.t()
                            + " is earlier than the line before (" + previous + "); lines must be in time order");
                }
                previous = Math.max(previous, line.t());
                lines.add(line);
            }
        }
        if (lines.stream().noneMatch(l -> l instanceof TraceLine.FileEvent)) {
            throw new TraceFormatException(file + " holds no file events: is it a recorded trace?");
        }
        return lines;
    }

    /** A path relative to site-packages that stays inside it: replay rebuilds the tree from these paths. */
    private static void checkPath(String path, String where) throws TraceFormatException {
        String problem = null;
        if (path.isEmpty()) {
            problem = "is empty";
        } else if (path.startsWith("/")) {
            problem = "is absolute";
        } else if (Arrays.asList(path.split("/")).contains("..")) {
            problem = "leaves the environment with '..'";
        }
        if (problem != null) {
            throw new TraceFormatException(where + ": \"path\": \"" + path + "\" " + problem
                    + "; a path must be relative to site-packages and stay inside it (like \"numpy/__init__.py\")");
        }
    }

    static TraceLine parse(String text, String where, int number) throws TraceFormatException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TraceFormatException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new TraceFormatException(where + ": expected a JSON object");
        }
        JsonNode t = node.get("t");
        if (t == null || !t.canConvertToLong() || !t.isIntegralNumber()) {
            throw new TraceFormatException(where + ": missing or non-integer \"t\" (nanoseconds)");
        }
        if (node.has("ev")) {
            JsonNode path = node.get("path");
            if (path == null || !path.isTextual() || !node.get("ev").isTextual()) {
                throw new TraceFormatException(where + ": a file event needs text fields \"ev\" and \"path\"");
            }
            List<String> flags = Arrays.asList(node.get("ev").asText().split(",", -1));
            for (String flag : flags) {
                if (!EVENT_KINDS.contains(flag)) {
                    throw new TraceFormatException(where + ": unknown event kind '" + flag + "' in \"ev\": \""
                            + node.get("ev").asText() + "\"; allowed: inotifywait's names, comma-joined: "
                            + String.join(", ", EVENT_KINDS));
                }
            }
            checkPath(path.asText(), where);
            return new TraceLine.FileEvent(t.asLong(), number, List.copyOf(flags), path.asText());
        }
        JsonNode op = node.get("op");
        if (op == null || !OPS.contains(op.asText())) {
            throw new TraceFormatException(where + ": expected \"ev\" (a file event) or \"op\" (one of " + OPS + ")");
        }
        List<String> command = new ArrayList<>();
        node.path("cmd").forEach(part -> command.add(part.asText()));
        Map<String, String> installed = null;
        if (node.has("installed")) {
            if (!node.get("installed").isObject()) {
                throw new TraceFormatException(where + ": \"installed\" must be an object of name to version");
            }
            installed = new LinkedHashMap<>();
            for (var field : node.get("installed").properties()) {
                installed.put(field.getKey(), field.getValue().asText());
            }
        } else if (op.asText().equals("begin") || op.asText().equals("state")) {
            throw new TraceFormatException(where + ": a \"" + op.asText() + "\" marker needs \"installed\"");
        }
        Integer rc = node.has("rc") ? node.get("rc").asInt() : null;
        return new TraceLine.Marker(t.asLong(), number, op.asText(), node.path("step").asInt(-1),
                List.copyOf(command), rc, installed);
    }
}
