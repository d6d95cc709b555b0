package dev.ferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What a ferry command printed and returned, for tests. */
record CommandResult(int exitCode, String out, String err) {

    static CommandResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandResult(code, out.toString(), err.toString());
    }
}
