package dev.ferry.migrate;

import java.util.List;

/** A {@link SessionSpec} that cannot become a valid Job; lists every problem found, not only the first. */
public final class InvalidSessionSpecException extends IllegalArgumentException {

    private final transient List<String> problems;

    InvalidSessionSpecException(String sessionId, List<String> problems) {
        super("invalid session spec " + Names.quote(sessionId) + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per field that is wrong, in the order of the spec's components. */
    public List<String> problems() {
        return problems;
    }
}
