package dev.ferry.testing;

import dev.ferry.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs {@code ferry} in this JVM through {@link Main#run(PrintWriter, PrintWriter, String...)}
 * (the real error handling and exit codes) and captures what it prints; usable from any package.
 */
public final class FerryCli {

    /** The exit code and the two output streams of one command line. */
    public record Run(int exitCode, String out, String err) {

        /** Everything printed, for assertion messages. */
        public String transcript() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private FerryCli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
