package dev.ferry.sim.migration;

import java.util.Arrays;
import java.util.List;

/** Rows of whole numbers under named columns, one row added per sample (an hour, or an hour and a cluster). */
public final class HourlyTable {

    private final List<String> columns;
    private long[] values = new long[64];
    private int rows;

    HourlyTable(String... columns) {
        this.columns = List.of(columns);
    }

    void add(long... row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + columns + " has " + columns.size() + " values, got "
                    + row.length);
        }
        int at = rows * columns.size();
        if (at + row.length > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, at + row.length));
        }
        System.arraycopy(row, 0, values, at, row.length);
        rows++;
    }

    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public long get(int row, int column) {
        return values[row * columns.size() + column];
    }

    /** The value in {@code row} of the column called {@code column}. */
    public long get(int row, String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return get(row, c);
    }
}
