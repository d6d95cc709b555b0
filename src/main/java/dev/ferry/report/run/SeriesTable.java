package dev.ferry.report.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One series a chart of the report draws, as the report embeds it and as series/NAME.csv holds it: the same rows,
 * so a notebook reads exactly what the chart shows. Values are numbers (NaN: empty) or text.
 */
final class SeriesTable {

    private final String name;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    SeriesTable(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    /** The file's name without {@code .csv}, and the key the page finds the series under. */
    String name() {
        return name;
    }

    List<String> columns() {
        return columns;
    }

    int size() {
        return rows.size();
    }

    Object get(int row, int column) {
        return rows.get(row)[column];
    }

    SeriesTable add(Object... row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException(name + " has " + columns.size() + " columns, a row had " + row.length);
        }
        rows.add(row);
        return this;
    }

    /** {@code {"columns": [...], "rows": [[...], ...]}}, numbers rounded as in the CSV. */
    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode cols = node.putArray("columns");
        columns.forEach(cols::add);
        ArrayNode list = node.putArray("rows");
        for (Object[] row : rows) {
            ArrayNode r = list.addArray();
            for (Object v : row) {
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    if (Double.isNaN(d)) {
                        r.addNull();
                    } else if (n instanceof Long || n instanceof Integer) {
                        r.add(n.longValue());
                    } else {
                        r.add(Math.round(d * 1000) / 1000.0);
                    }
                } else {
                    r.add(v == null ? "" : v.toString());
                }
            }
        }
        return node;
    }

    void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", columns));
            out.write('\n');
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(cell(row[c]));
                }
                out.write('\n');
            }
        }
    }

    /** A CSV cell: a whole number as is, another to 3 decimals, NaN empty, text quoted when it needs to be. */
    static String cell(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof Number n) {
            return Double.isNaN(n.doubleValue()) ? "" : String.format(Locale.ROOT, "%.3f", n.doubleValue());
        }
        String text = v == null ? "" : v.toString();
        return text.matches("[^,\"\\n\\r]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
