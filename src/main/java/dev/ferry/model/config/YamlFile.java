package dev.ferry.model.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

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
        return new YamlFile(name, mapping);
    }

    public String name() {
        return name;
    }

    /** The top-level fields, to read and check with {@link Fields}. */
    public Fields fields() {
        return new Fields(name, "", root);
    }
}
