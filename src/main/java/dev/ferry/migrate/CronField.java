package dev.ferry.migrate;

import java.util.List;
import java.util.Locale;

/**
 * One field of a five-field cron expression, parsed into a bit set (bit {@code v} set when value
 * {@code v} matches). Accepts {@code *}, numbers, {@code a-b} ranges, {@code /step} after {@code *}
 * or a range, and comma lists; month and day-of-week also take three-letter English names.
 * Day-of-week 7 is Sunday, like 0; a name range ending in {@code SUN} ends at 7, so {@code FRI-SUN} works.
 */
enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    String label() {
        return label;
    }

    /** The bit set of the values that {@code text} selects; throws naming this field and what it allows. */
    long parse(String text) {
        long bits = 0;
        for (String element : text.split(",", -1)) {
            bits |= parseElement(element, text);
        }
        return bits;
    }

    private long parseElement(String element, String whole) {
        if (element.isEmpty()) {
            throw error("empty element in the list \"" + whole + "\"");
        }
        String range = element;
        int step = 1;
        int slash = element.indexOf('/');
        if (slash >= 0) {
            range = element.substring(0, slash);
            step = parseStep(element.substring(slash + 1));
        }
        int lo;
        int hi;
        if (range.equals("*")) {
            lo = min;
            hi = this == DAY_OF_WEEK ? 6 : max;
        } else if (range.indexOf('-') >= 0) {
            int dash = range.indexOf('-');
            lo = value(range.substring(0, dash), false);
            hi = value(range.substring(dash + 1), true);
            if (lo > hi) {
                throw error("range " + range + " runs backwards; ranges do not wrap around, write two: "
                        + lo + "-" + max + "," + min + "-" + hi);
            }
        } else {
            if (slash >= 0) {
                throw error("step \"" + element + "\" needs * or a range before the slash, e.g. */15 or 0-30/5");
            }
            lo = value(range, false);
            hi = lo;
        }
        long bits = 0;
        for (int v = lo; v <= hi; v += step) {
            bits |= 1L << (this == DAY_OF_WEEK && v == 7 ? 0 : v);
        }
        return bits;
    }

    private int parseStep(String text) {
        if (!text.matches("[0-9]{1,9}")) {
            throw error("step \"" + text + "\" is not a whole number");
        }
        int step = Integer.parseInt(text);
        if (step < 1) {
            throw error("step must be at least 1, found " + step);
        }
        return step;
    }

    /** A number or (month, day-of-week) a name; {@code SUN} at the end of a range is 7. */
    private int value(String text, boolean endOfRange) {
        if (text.matches("[0-9]+")) {
            int v = text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
            if (v < min || v > max) {
                throw error(text + " is out of range " + min + "-" + max
                        + (this == DAY_OF_WEEK ? " (0 and 7 are Sunday)" : ""));
            }
            return v;
        }
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            int v = this == MONTH ? index + 1 : index;
            return this == DAY_OF_WEEK && endOfRange && v == 0 ? 7 : v;
        }
        if (names.isEmpty()) {
            throw error("\"" + text + "\" is not a number (allowed: " + min + "-" + max + ")");
        }
        throw error("\"" + text + "\" is not a number (" + min + "-" + max + ") or a name ("
                + names.get(0) + "-" + names.get(names.size() - 1) + ")");
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(label + ": " + message);
    }
}
