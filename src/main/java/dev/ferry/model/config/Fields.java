package dev.ferry.model.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fields of one YAML mapping, read with their constraints. Each getter checks the value and
 * throws a {@link ConfigException} naming the file, the line, the field's path and what is allowed;
 * {@link #allowOnly} rejects fields nobody reads, so a typo fails before the first event.
 */
public final class Fields {

    private final String file;
    private final String path;
    private final MappingNode node;
    private final Map<String, NodeTuple> byName = new LinkedHashMap<>();

    Fields(String file, String path, MappingNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                byName.put(key.getValue(), tuple);
            }
        }
    }

    /** Fails on any field not in {@code allowed}, listing what is allowed. */
    public Fields allowOnly(String... allowed) throws ConfigException {
        Set<String> names = Set.of(allowed);
        for (Map.Entry<String, NodeTuple> entry : byName.entrySet()) {
            if (!names.contains(entry.getKey())) {
                throw error(entry.getValue().getKeyNode(), entry.getKey(), "unknown field; allowed here: "
                        + String.join(", ", allowed));
            }
        }
        return this;
    }

    public boolean has(String field) {
        return byName.containsKey(field);
    }

    public String text(String field) throws ConfigException {
        return scalar(field).getValue();
    }

    public String text(String field, String fallback) throws ConfigException {
        return has(field) ? text(field) : fallback;
    }

    public String choice(String field, List<String> allowed, String fallback) throws ConfigException {
        if (!has(field)) {
            return fallback;
        }
        String value = text(field);
        if (!allowed.contains(value)) {
            throw error(byName.get(field).getValueNode(), field, "must be one of " + String.join(", ", allowed)
                    + ", was '" + value + "'");
        }
        return value;
    }

    public double number(String field, double min, double max) throws ConfigException {
        ScalarNode value = scalar(field);
        double parsed;
        try {
            parsed = Double.parseDouble(value.getValue());
        } catch (NumberFormatException e) {
            throw error(value, field, "must be a number between " + plain(min) + " and " + plain(max)
                    + ", was '" + value.getValue() + "'");
        }
        if (!(parsed >= min && parsed <= max)) {
            throw error(value, field, "must be between " + plain(min) + " and " + plain(max) + ", was " + value.getValue());
        }
        return parsed;
    }

    public double number(String field, double min, double max, double fallback) throws ConfigException {
        return has(field) ? number(field, min, max) : fallback;
    }

    public int integer(String field, int min, int max) throws ConfigException {
        ScalarNode value = scalar(field);
        try {
            int parsed = Integer.parseInt(value.getValue().replace("_", ""));
            if (parsed < min || parsed > max) {
                throw error(value, field, "must be an integer between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw error(value, field, "must be an integer between " + min + " and " + max
                    + ", was '" + value.getValue() + "'");
        }
    }

    public int integer(String field, int min, int max, int fallback) throws ConfigException {
        return has(field) ? integer(field, min, max) : fallback;
    }

    /** A two-number list {@code [low, high]} with {@code min <= low <= high <= max}. */
    public double[] range(String field, double min, double max) throws ConfigException {
        NodeTuple tuple = required(field);
        if (!(tuple.getValueNode() instanceof SequenceNode list) || list.getValue().size() != 2
                || !(list.getValue().get(0) instanceof ScalarNode low) || !(list.getValue().get(1) instanceof ScalarNode high)) {
            throw error(tuple.getValueNode(), field, "must be a range [low, high]");
        }
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(low.getValue());
            hi = Double.parseDouble(high.getValue());
        } catch (NumberFormatException e) {
            throw error(list, field, "must be two numbers [low, high]");
        }
        if (!(lo >= min && hi <= max && lo <= hi)) {
            throw error(list, field, "must satisfy " + plain(min) + " <= low <= high <= " + plain(max)
                    + ", was [" + low.getValue() + ", " + high.getValue() + "]");
        }
        return new double[] {lo, hi};
    }

    public Fields object(String field) throws ConfigException {
        NodeTuple tuple = required(field);
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            throw error(tuple.getValueNode(), field, "must be a mapping of fields");
        }
        return new Fields(file, qualified(field), mapping);
    }

    public List<Fields> list(String field) throws ConfigException {
        NodeTuple tuple = required(field);
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            throw error(tuple.getValueNode(), field, "must be a list");
        }
        List<Fields> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof MappingNode mapping)) {
                throw error(values.get(i), field + "[" + i + "]", "must be a mapping of fields");
            }
            items.add(new Fields(file, qualified(field) + "[" + i + "]", mapping));
        }
        return items;
    }

    /** A list of single values, {@code [25, 50, 100]}, as their texts. */
    public List<String> texts(String field) throws ConfigException {
        NodeTuple tuple = required(field);
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            throw error(tuple.getValueNode(), field, "must be a list of values, e.g. [25, 50]");
        }
        List<String> texts = new ArrayList<>();
        for (Node value : sequence.getValue()) {
            if (!(value instanceof ScalarNode scalar)) {
                throw error(value, field, "must be a list of single values, e.g. [25, 50]");
            }
            texts.add(scalar.getValue());
        }
        return texts;
    }

    /** An error about a field of this mapping, for checks that span several fields. */
    public ConfigException error(String field, String message) {
        NodeTuple tuple = byName.get(field);
        return error(tuple == null ? node : tuple.getValueNode(), field, message);
    }

    private ScalarNode scalar(String field) throws ConfigException {
        NodeTuple tuple = required(field);
        if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
            throw error(tuple.getValueNode(), field, "must be a single value");
        }
        return scalar;
    }

    private NodeTuple required(String field) throws ConfigException {
        NodeTuple tuple = byName.get(field);
        if (tuple == null) {
            throw new ConfigException(file + " line " + (node.getStartMark().getLine() + 1) + ": "
                    + (path.isEmpty() ? "" : path + ": ") + "missing field '" + field + "'");
        }
        return tuple;
    }

    private ConfigException error(Node at, String field, String message) {
        return new ConfigException(file + " line " + (at.getStartMark().getLine() + 1) + ": " + qualified(field)
                + ": " + message);
    }

    private String qualified(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
