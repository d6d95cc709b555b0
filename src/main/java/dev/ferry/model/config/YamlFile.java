package dev.ferry.model.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document kept as SnakeYAML's node tree, which remembers the line of every value, so
 * that validation can say "workloads/dsw.yaml line 7: sessions: ...".
 */
public final class YamlFile {

    private final String name;
    private final MappingNode root;

    private YamlFile(String name, MappingNode root) {
        this.name = name;
        this.root = root;
    }

    public static YamlFile read(Path file) throws ConfigException {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static YamlFile parse(String name, String text) throws ConfigException {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(name + " line " + line + ": not valid YAML (" + e.getProblem() + ")");
        } catch (YAMLException e) {
            throw new ConfigException(name + ": not valid YAML (" + e.getMessage() + ")");
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new ConfigException(name + ": expected a mapping of fields at the top level");
        }
        refuseDuplicateKeys(name, "", mapping);
        return new YamlFile(name, mapping);
    }

    /**
     * YAML says keys are unique, but SnakeYAML's node tree (like most parsers) keeps both and readers take one:
     * a second {@code sessions:} further down a file would silently win. Every mapping, at any depth, is checked.
     */
    private static void refuseDuplicateKeys(String name, String path, Node node) throws ConfigException {
        if (node instanceof MappingNode mapping) {
            Map<String, Integer> firstLine = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                int line = tuple.getKeyNode().getStartMark().getLine() + 1;
                if (key != null) {
                    Integer first = firstLine.putIfAbsent(key, line);
                    if (first != null) {
                        String field = path.isEmpty() ? key : path + "." + key;
                        throw new ConfigException(name + " line " + line + ": " + field + ": duplicate key (first at"
                                + " line " + first + "); give each key once");
                    }
                }
                refuseDuplicateKeys(name, key == null ? path : path.isEmpty() ? key : path + "." + key,
                        tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                refuseDuplicateKeys(name, path + "[" + i + "]", items.get(i));
            }
        }
    }

    /**
     * Sets the single value at {@code path} (field names from the top, e.g. {@code migration.budgets.max_concurrent})
     * to {@code value}, as if the file had said so, adding the field and the mappings above it where the file has
     * none; the value is then read and checked as any other. A path through or onto a list or a mapping is refused.
     */
    public YamlFile with(List<String> path, String value) throws ConfigException {
        MappingNode mapping = root;
        for (int i = 0; i < path.size(); i++) {
            String field = path.get(i);
            boolean last = i == path.size() - 1;
            NodeTuple tuple = tuple(mapping, field);
            String at = String.join(".", path.subList(0, i + 1));
            Node created = last ? new ScalarNode(Tag.STR, value, mapping.getStartMark(), mapping.getEndMark(),
                    DumperOptions.ScalarStyle.PLAIN)
                    : new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
            if (tuple != null && last && !(tuple.getValueNode() instanceof ScalarNode)) {
                throw new ConfigException(name + " line " + (tuple.getValueNode().getStartMark().getLine() + 1) + ": "
                        + at + " is a section or a list, not a single value");
            }
            if (tuple != null && !last && !(tuple.getValueNode() instanceof MappingNode)) {
                throw new ConfigException(name + " line " + (tuple.getValueNode().getStartMark().getLine() + 1) + ": "
                        + at + " is not a mapping of fields");
            }
            if (tuple == null || last) {
                List<NodeTuple> tuples = mapping.getValue();
                NodeTuple replacement = new NodeTuple(tuple != null ? tuple.getKeyNode() : new ScalarNode(Tag.STR,
                        field, mapping.getStartMark(), mapping.getEndMark(), DumperOptions.ScalarStyle.PLAIN), created);
                if (tuple == null) {
                    tuples.add(replacement);
                } else {
                    tuples.set(tuples.indexOf(tuple), replacement);
                }
                tuple = replacement;
            }
            if (!last) {
                mapping = (MappingNode) tuple.getValueNode();
            }
        }
        return this;
    }

    private static NodeTuple tuple(MappingNode mapping, String field) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(field)) {
                return tuple;
            }
        }
        return null;
    }

    public String name() {
        return name;
    }

    /** The top-level fields, to read and check with {@link Fields}. */
    public Fields fields() {
        return new Fields(name, "", root);
    }
}
