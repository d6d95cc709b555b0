package dev.ferry.cli;

import java.io.PrintWriter;

/** A warning on standard error, in the one shape every command prints: {@code ferry: warning: ...}. */
final class Warnings {

    private Warnings() {
    }

    static void warn(PrintWriter err, String message) {
        err.println("ferry: warning: " + message);
        err.flush();
    }
}
