package dev.ferry.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A key given twice in one mapping is refused, wherever it is: otherwise the second would silently win. */
class YamlFileDuplicateKeysTest {

    @Test
    @DisplayName("a top-level key given twice names the file, the second line and the first")
    void topLevel() {
        assertThatThrownBy(() -> YamlFile.parse("w.yaml", "name: a\nsessions: 10\ndays: 1\nsessions: 100000\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("w.yaml line 4: sessions: duplicate key (first at line 2); give each key once");
    }

    @Test
    @DisplayName("a nested key given twice is named with its path, in flow style too")
    void nested() {
        assertThatThrownBy(() -> YamlFile.parse("w.yaml", "migration:\n  budgets: {max_concurrent: 5, max_concurrent: 50}\n"))
                .hasMessage("w.yaml line 2: migration.budgets.max_concurrent: duplicate key (first at line 2);"
                        + " give each key once");
        assertThatThrownBy(() -> YamlFile.parse("c.yaml", "clusters:\n  - name: a\n    zone: z\n  - name: b\n"
                + "    zone: z\n    name: c\n"))
                .hasMessage("c.yaml line 6: clusters[1].name: duplicate key (first at line 4); give each key once");
    }

    @Test
    @DisplayName("the same key in different mappings is fine")
    void sameKeyElsewhere() throws Exception {
        YamlFile file = YamlFile.parse("c.yaml", "clusters:\n  - {name: a, zone: z}\n  - {name: b, zone: z}\nname: top\n");
        assertThat(file.fields().text("name")).isEqualTo("top");
    }
}
