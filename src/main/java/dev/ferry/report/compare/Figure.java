package dev.ferry.report.compare;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One number of results.json ({@code path} in dots, e.g. {@code disruption.user_visible_s.p99}), what the
 * page calls it, and what a change in it means.
 */
public record Figure(String path, String title, Role role) {

    /** What a difference in a figure says. */
    public enum Role {
        /** A result: more is better. */
        HIGHER_IS_BETTER,
        /** A result: less is better. */
        LOWER_IS_BETTER,
        /** Measured on the machine that ran the simulation (wall time, throughput): shown, never judged. */
        MACHINE,
        /** The size or the faults of the workload itself (events, sessions, injected errors): context. */
        WORKLOAD;

        public boolean judged() {
            return this == HIGHER_IS_BETTER || this == LOWER_IS_BETTER;
        }
    }

    /** The section of results.json it sits in ({@code disruption}, {@code migration}...), or "run". */
    public String section() {
        int dot = path.indexOf('.');
        return dot < 0 ? "run" : path.substring(0, dot);
    }

    /** Its value in a results.json, or NaN where the run does not have it. */
    public double value(JsonNode results) {
        JsonNode node = results;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /** Whether {@code after} is better than {@code before}; only for a judged figure, and values that differ. */
    public boolean better(double before, double after) {
        if (!role.judged()) {
            throw new IllegalStateException(path + " is not judged better or worse");
        }
        return role == Role.HIGHER_IS_BETTER ? after > before : after < before;
    }
}
