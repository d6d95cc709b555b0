package dev.ferry.model.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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

    public String name() {
        return name;
    }

    /** The top-level fields, to read and check with {@link Fields}. */
    public Fields fields() {
        return new Fields(name, "", root);
    }
}
