package dev.ferry.report.compare;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Numbers as the comparison page prints them: whole numbers with thousands separators, others to 4 digits. */
public final class Format {

    private Format() {
    }

    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        String text = String.format(Locale.ROOT, Math.abs(value) >= 1000 ? "%,.1f" : "%.4g", value);
        return text.contains(".") && !text.contains("e") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** With its sign: {@code +1.5}, {@code -3}, {@code 0}. */
    static String signed(double value) {
        return (value > 0 ? "+" : "") + number(value);
    }

    /** The values of a group's seeds: {@code 16, 18, 18}. */
    static String values(double[] values) {
        return Arrays.stream(values).mapToObj(Format::number).collect(Collectors.joining(", "));
    }
}
