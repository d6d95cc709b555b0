package dev.ferry.tracker.scan;

import java.util.Optional;

/**
 * Reads one field from the header block of a metadata file: Python's {@code METADATA} and
 * {@code PKG-INFO} (email-style headers that end at the first empty line) and R's
 * {@code DESCRIPTION} (Debian control format). Field names compare case-insensitively.
 */
final class MetadataHeaders {

    private MetadataHeaders() {
    }

    static Optional<String> field(String text, String name) {
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                return Optional.empty();
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.charAt(0) != ' ' && line.charAt(0) != '\t'
                    && line.substring(0, colon).equalsIgnoreCase(name)) {
                String value = line.substring(colon + 1).trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
            start = end + 1;
        }
        return Optional.empty();
    }
}
