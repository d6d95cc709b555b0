package dev.ferry.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration option as people write it: a whole number and a unit, {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 2h}. Checked against the range the option allows; anything else is one line and exit 2.
 */
final class DurationOption {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private DurationOption() {
    }

    /**
     * @param option the option's name, for the message
     * @throws UserError (exit 2) for text that is not a duration, or one outside {@code [min, max]}
     */
    static Duration parse(String option, String text, Duration min, Duration max) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UserError(option + " '" + text + "' is not a duration; write a whole number and a unit,"
                    + " e.g. 500ms, 30s, 5m or 2h", 2);
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new UserError(option + " " + text + " is out of range: it must be from " + words(min) + " to "
                    + words(max), 2);
        }
        return d;
    }

    private static String words(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
