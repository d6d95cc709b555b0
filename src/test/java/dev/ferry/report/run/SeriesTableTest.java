package dev.ferry.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesTableTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the CSV and the page's JSON hold the same rows: whole numbers as they are, others to 3 decimals,"
            + " NaN empty (null), text quoted only when it must be")
    void csvAndJsonAgree() throws Exception {
        SeriesTable t = new SeriesTable("x", "hour", "cluster", "share")
                .add(1L, "k8s-a1", 0.12345).add(2L, "a,\"b\"", Double.NaN);
        t.writeCsv(dir.resolve("x.csv"));
        assertThat(Files.readString(dir.resolve("x.csv")))
                .isEqualTo("hour,cluster,share\n1,k8s-a1,0.123\n2,\"a,\"\"b\"\"\",\n");
        assertThat(t.json().toString()).isEqualTo(
                "{\"columns\":[\"hour\",\"cluster\",\"share\"],\"rows\":[[1,\"k8s-a1\",0.123],[2,\"a,\\\"b\\\"\",null]]}");
    }

    @Test
    @DisplayName("a row of the wrong width is refused")
    void width() {
        assertThatThrownBy(() -> new SeriesTable("x", "a", "b").add(1L)).hasMessageContaining("x has 2 columns");
    }
}
