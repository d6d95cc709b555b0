package dev.ferry.report.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two groups of one scenario (two strategies) compared figure by figure across their seeds: for every
 * figure whose values differ, group B's mean minus group A's with its interval and the {@link Verdict} on B.
 */
public record Contrast(Group a, Group b, List<Row> rows, List<Figure> equal) {

    /** One figure that differs between the groups. */
    public record Row(Figure figure, double[] valuesA, double[] valuesB, MeanDifference difference,
            Verdict verdict) {
    }

    public static Contrast of(Group a, Group b, List<Figure> figures) {
        List<Row> rows = new ArrayList<>();
        List<Figure> equal = new ArrayList<>();
        for (Figure figure : figures) {
            double[] va = a.values(figure);
            double[] vb = b.values(figure);
            if (va.length == 0 || vb.length == 0) {
                continue;
            }
            if (Arrays.stream(va).allMatch(v -> v == va[0]) && Arrays.stream(vb).allMatch(v -> v == va[0])) {
                equal.add(figure);
                continue;
            }
            MeanDifference d = MeanDifference.of(va, vb);
            rows.add(new Row(figure, va, vb, d, Verdict.of(figure, d)));
        }
        return new Contrast(a, b, List.copyOf(rows), List.copyOf(equal));
    }

    /** The row of a figure, if the groups differ in it. */
    public Row row(String path) {
        return rows.stream().filter(r -> r.figure().path().equals(path)).findFirst().orElse(null);
    }

    /** How many judged figures got each verdict. */
    public long count(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }
}
